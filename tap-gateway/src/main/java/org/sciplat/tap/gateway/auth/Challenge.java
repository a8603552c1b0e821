package org.sciplat.tap.gateway.auth;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The WWW-Authenticate challenges of a refused request (RFC 6750 for Bearer, RFC 7617 for Basic). A 401 carries
 * both: Bearer for token-aware clients, and Basic because TOPCAT, STILTS and every other java.net client only
 * retry with credentials after a Basic challenge.
 */
final class Challenge {

    private final String realm;

    Challenge(String realm) {
        this.realm = realm.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    void missingCredentials(HttpServletResponse response) throws IOException {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, bearer(),
                "Authentication required: send a token as a Bearer token, or as the password of HTTP Basic"
                        + " authentication with the user name x-oauth-basic");
    }

    void invalidToken(HttpServletResponse response) throws IOException {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                bearer() + ", error=\"invalid_token\", error_description=\"Token is not valid\"",
                "Token is not valid: it is unknown, revoked or expired");
    }

    void insufficientScope(HttpServletResponse response, String scope) throws IOException {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, bearer() + ", error=\"insufficient_scope\", scope=\""
                + scope + "\"", "The token does not have the " + scope + " scope that the TAP service requires");
    }

    private String bearer() {
        return "Bearer realm=\"" + realm + "\"";
    }

    private void refuse(HttpServletResponse response, int status, String bearerChallenge, String message)
            throws IOException {
        response.setStatus(status);
        response.addHeader("WWW-Authenticate", bearerChallenge);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(message);
    }
}
