package org.sciplat.token.core.oidc;

import java.io.Serializable;
import java.net.URI;

/**
 * A login this browser started at the provider: where the browser was sent, and the values its answer must match
 * (state), the ID token must carry (nonce) and the code exchange proves possession of (the PKCE verifier). Held in
 * the browser's session until the answer comes, and used once.
 */
public record AuthorizationRequest(URI location, String state, String nonce, String codeVerifier, URI redirectUri)
        implements Serializable {

    /** Never the values: they are what makes the answer genuine. */
    @Override
    public String toString() {
        return "AuthorizationRequest[" + redirectUri + "]";
    }
}
