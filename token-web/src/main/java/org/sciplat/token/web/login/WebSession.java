package org.sciplat.token.web.login;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Optional;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Sessions;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * The session token behind a browser's HTTP session. It is verified on every request, so a session revoked
 * elsewhere (through the API, by an administrator, by expiry) ends the web login too.
 */
@SessionScoped
public class WebSession implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TokenVerifier verifier;

    @Inject
    Sessions sessions;

    /** Held only in memory: were HTTP sessions ever written out, the token would be dropped, not stored. */
    private transient String presented;
    /** The provider's ID token of this login, the hint its logout asks for; none for a password login. */
    private transient String idToken;
    private String username;
    private String key;

    void start(NewToken session, String providerIdToken) {
        this.presented = session.credential().reveal();
        this.idToken = providerIdToken;
        this.username = session.info().username();
        this.key = session.info().key();
    }

    /** The session token, while it is still valid. */
    public Optional<VerifiedToken> current() {
        if (presented == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.verify(presented));
        } catch (InvalidTokenException e) {
            presented = null;
            return Optional.empty();
        }
    }

    /** Revokes the session token and everything delegated from it, if it is not gone already. */
    void logout(String ipAddress) {
        Optional<VerifiedToken> session = current();
        session.ifPresent(token -> sessions.logout(token, presented, ipAddress));
        presented = null;
    }

    String idToken() {
        return idToken;
    }

    public String username() {
        return username;
    }

    /** The key of this login's session token, so that the list can mark it. */
    public String key() {
        return key;
    }
}
