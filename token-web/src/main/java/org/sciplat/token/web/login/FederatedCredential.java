package org.sciplat.token.web.login;

import jakarta.security.enterprise.credential.Credential;
import org.sciplat.token.core.token.NewToken;

/**
 * A login the identity provider vouched for, already a session token in token-core: what the callback hands the
 * container's login so that the one identity store makes it the caller, as it does a password login.
 */
record FederatedCredential(NewToken session, String idToken) implements Credential {

    /** Never the token: it is a secret. */
    @Override
    public String toString() {
        return "FederatedCredential[" + session.info().username() + "]";
    }
}
