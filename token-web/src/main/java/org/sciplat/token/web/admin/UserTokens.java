package org.sciplat.token.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.lookup.UserLookup;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.web.login.CurrentUser;

/**
 * Any user's tokens, for an administrator: look a user up (suggested as the name is typed), see every token of
 * theirs, revoke any of them. A name that is no one's is told apart from a user without tokens.
 */
@Named
@ViewScoped
public class UserTokens implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    UserLookup lookup;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private String user;
    private String shown;
    /** The tokens of the user shown; null until one is looked up, and for a name that is no one's. */
    private List<TokenInfo> list;
    private boolean unknown;

    /** Shows the user named in the form or the URL; nothing until one is named. */
    public void load() {
        shown = user == null ? null : user.trim();
        Optional<List<TokenInfo>> found = shown == null ? Optional.empty()
                : lookup.tokensOf(currentUser.token(), shown);
        list = found.orElse(null);
        unknown = shown != null && found.isEmpty();
    }

    /** The users whose names start with what was typed. */
    public List<String> suggest(String typed) {
        return lookup.suggestions(currentUser.token(), typed == null ? null : typed.trim());
    }

    public void revoke(TokenInfo token) {
        tokens.revoke(currentUser.token(), token.username(), token.key(), currentUser.ipAddress());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Token revoked",
                "Token " + token.key() + " of " + token.username() + " is refused from now on."));
        load();
    }

    public boolean isLoaded() {
        return list != null;
    }

    /** A name was looked up that is no user's. */
    public boolean isUnknown() {
        return unknown;
    }

    /** The name looked up, as the result is about it (the field may have been edited since). */
    public String getShown() {
        return shown;
    }

    public List<TokenInfo> getTokens() {
        return list == null ? List.of() : list;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }
}
