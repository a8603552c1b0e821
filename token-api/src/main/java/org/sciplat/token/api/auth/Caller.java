package org.sciplat.token.api.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.sciplat.token.api.error.NotAuthenticatedException;
import org.sciplat.token.core.token.VerifiedToken;

/** The caller of the current request, as {@link CredentialFilter} established it. */
@RequestScoped
public class Caller {

    private VerifiedToken token;
    private String presented;
    private boolean viaCookie;
    private String ipAddress;

    void authenticated(VerifiedToken verified, String presentedToken, boolean cookie) {
        this.token = verified;
        this.presented = presentedToken;
        this.viaCookie = cookie;
    }

    void from(String address) {
        this.ipAddress = address;
    }

    /** The caller's token; 401 if the request carried none. */
    public VerifiedToken token() {
        if (token == null) {
            throw new NotAuthenticatedException();
        }
        return token;
    }

    /** The caller's token, if the request carried one. */
    public Optional<VerifiedToken> findToken() {
        return Optional.ofNullable(token);
    }

    public boolean viaCookie() {
        return viaCookie;
    }

    /** The token as the caller presented it, from which CSRF values and delegated tokens derive; never logged. */
    public String presented() {
        return presented;
    }

    public String ipAddress() {
        return ipAddress;
    }
}
