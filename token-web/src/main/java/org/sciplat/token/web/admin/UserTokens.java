package org.sciplat.token.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.web.login.CurrentUser;

/** Any user's tokens, for an administrator: look a user up, see every token of theirs, revoke any of them. */
@Named
@ViewScoped
public class UserTokens implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private String user;
    private List<TokenInfo> list;

    /** Shows the user named in the form or the URL; nothing until one is named. */
    public void load() {
        list = user == null ? null : tokens.list(currentUser.token(), user);
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
