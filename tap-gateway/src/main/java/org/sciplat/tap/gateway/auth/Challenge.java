package org.sciplat.tap.gateway.auth;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The WWW-Authenticate challenges of a refused request, in the anchor token service's exact shapes. */
final class Challenge {

    private final String realm;

    Challenge(String realm) {
        this.realm = realm.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    String bearer() {
        return "Bearer realm=\"" + realm + "\"";
    }

    String invalidTokenBearer() {
        return bearer() + ", error=\"invalid_token\", error_description=\"Token is not valid\"";
    }

    String basic() {
        return "Basic realm=\"" + realm + "\"";
    }

    void missingCredentials(HttpServletResponse response) throws IOException {
        refuse(response, bearer(), "Authentication required: send a token as a Bearer token or as a Basic password");
    }

    void invalidToken(HttpServletResponse response) throws IOException {
        refuse(response, invalidTokenBearer(), "Token is not valid");
    }

    private void refuse(HttpServletResponse response, String bearerChallenge, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.addHeader("WWW-Authenticate", bearerChallenge);
        response.addHeader("WWW-Authenticate", basic());
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(message);
    }
}
