package org.sciplat.token.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.jwt.TokenExchange;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * The caller behind a presented token, for the API and the ingress check alike: a gt- token through token-core's
 * verification cache, a JWT from the token exchange through the container's MicroProfile JWT.
 */
@ApplicationScoped
public class CallerVerifier {

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenExchange exchange;

    /** {@link InvalidTokenException} for anything not currently valid. */
    public VerifiedToken verify(String presented, HttpServletRequest request, HttpServletResponse response) {
        if (!isJwt(presented)) {
            return verifier.verify(presented);
        }
        // The container verifies signature, issuer and expiry. It is asked explicitly: the resources are
        // unprotected, and the server does not authenticate unprotected requests by itself (webAppSecurity in
        // server.xml), which keeps it away from every other Authorization header.
        if (!(request.getUserPrincipal() instanceof JsonWebToken) && !authenticateWithContainer(request, response)) {
            throw new InvalidTokenException("Token is not valid");
        }
        if (!(request.getUserPrincipal() instanceof JsonWebToken jwt)) {
            throw new InvalidTokenException("Token is not valid");
        }
        return exchange.callerOf(jwt);
    }

    /** A JWS in compact form: its header is a JSON object, which base64url-encodes to eyJ. */
    static boolean isJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }

    private static boolean authenticateWithContainer(HttpServletRequest request, HttpServletResponse response) {
        try {
            return request.authenticate(response);
        } catch (IOException | ServletException e) {
            return false;
        }
    }
}
