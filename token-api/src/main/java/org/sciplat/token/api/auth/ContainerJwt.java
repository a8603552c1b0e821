package org.sciplat.token.api.auth;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The container's verdict on the request's Bearer JWT (MicroProfile JWT checks its signature, issuer and expiry),
 * for the authenticator to ask only when the token is a JWT. It is asked explicitly: the resources are unprotected,
 * and the server does not authenticate unprotected requests by itself (webAppSecurity in server.xml), which keeps
 * it away from every other Authorization header.
 */
public final class ContainerJwt {

    private ContainerJwt() {
    }

    public static Supplier<Optional<JsonWebToken>> of(HttpServletRequest request, HttpServletResponse response) {
        return () -> {
            if (!(request.getUserPrincipal() instanceof JsonWebToken)) {
                authenticate(request, response);
            }
            return request.getUserPrincipal() instanceof JsonWebToken jwt ? Optional.of(jwt) : Optional.empty();
        };
    }

    /** A refusal shows as the missing principal, whichever way the container chose to refuse. */
    private static void authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            request.authenticate(response);
        } catch (IOException | ServletException e) {
            // no principal follows
        }
    }
}
