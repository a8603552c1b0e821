package org.sciplat.token.web.token;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.sciplat.token.core.history.HistoryQuery;
import org.sciplat.token.core.history.TokenChangeEntry;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.token.Rotations;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.usage.TokenUse;
import org.sciplat.token.core.usage.TokenUses;
import org.sciplat.token.web.login.CurrentUser;

/** One token: every field, the tokens delegated from it, and its change history. */
@Named
@ViewScoped
public class TokenDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    TokenHistory changeHistory;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    Rotations rotations;

    @Inject
    IssuedToken issued;

    @Inject
    TokenUses tokenUses;

    private String user;
    private String key;
    private TokenInfo token;
    private List<TokenInfo> children = List.of();
    private List<TokenChangeEntry> history = List.of();
    private List<TokenUse> uses = List.of();
    /** How long the old secret keeps working after a rotation, in hours: 0 (none) up to 168 (7 days). */
    private long graceHours;

    public void load() {
        VerifiedToken me = currentUser.token();
        String owner = owner();
        token = tokens.get(me, owner, key);
        children = tokens.children(me, owner, key);
        uses = tokenUses.of(me, owner, key);
        // the user's history for this key rather than the token's own route, which refuses a token whose history
        // has outlived the retention period
        history = changeHistory.ofUser(me, owner, HistoryQuery.all().forKey(key), null, TokenHistory.MAX_PAGE)
                .entries();
    }

    public String revoke() {
        tokens.revoke(currentUser.token(), token.username(), token.key(), currentUser.ipAddress());
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Token revoked",
                "Anything still using " + Labels.of(token) + " is refused from now on."));
        return owner().equals(currentUser.getUsername())
                ? "/tokens/index?faces-redirect=true"
                : "/admin/tokens?faces-redirect=true&user=" + owner();
    }

    /** A new secret for this token, shown once on the new-token page as a created token is. */
    public String rotate() {
        issued.hold(rotations.rotate(currentUser.token(), token.username(), token.key(),
                Duration.ofHours(graceHours), currentUser.ipAddress()));
        return "/tokens/created?faces-redirect=true";
    }

    /** Whether the token is one users rotate: their own named tokens and bots' service tokens. */
    public boolean isRotatable() {
        return token.type() == TokenType.USER || token.type() == TokenType.SERVICE;
    }

    public long getGraceHours() {
        return graceHours;
    }

    public void setGraceHours(long graceHours) {
        this.graceHours = graceHours;
    }

    private String owner() {
        return user == null ? currentUser.getUsername() : user;
    }

    public TokenInfo getToken() {
        return token;
    }

    public List<TokenInfo> getChildren() {
        return children;
    }

    public List<TokenUse> getUses() {
        return uses;
    }

    public List<TokenChangeEntry> getHistory() {
        return history;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
