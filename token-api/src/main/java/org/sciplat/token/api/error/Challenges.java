package org.sciplat.token.api.error;

import jakarta.ws.rs.core.UriInfo;

/** WWW-Authenticate values in the anchor's shapes; the realm is the host the client addressed. */
final class Challenges {

    private Challenges() {
    }

    static String bearer(UriInfo uri) {
        return "Bearer realm=\"" + uri.getBaseUri().getHost() + "\"";
    }

    static String invalidToken(UriInfo uri) {
        return bearer(uri) + ", error=\"invalid_token\", error_description=\"Token is not valid\"";
    }
}
