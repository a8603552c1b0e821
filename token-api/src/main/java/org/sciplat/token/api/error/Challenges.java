package org.sciplat.token.api.error;

import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.TreeSet;

/** WWW-Authenticate values in the anchor's shapes; the realm is the host the client addressed. */
public final class Challenges {

    private Challenges() {
    }

    public static String bearer(String realm) {
        return "Bearer realm=\"" + realm + "\"";
    }

    public static String invalidToken(String realm) {
        return bearer(realm) + ", error=\"invalid_token\", error_description=\"Token is not valid\"";
    }

    /** The scopes are space-separated and sorted, as the anchor sends them. */
    public static String insufficientScope(String realm, Collection<String> scopes) {
        return bearer(realm) + ", error=\"insufficient_scope\", error_description=\"Token missing required scope\""
                + ", scope=\"" + String.join(" ", new TreeSet<>(scopes)) + "\"";
    }

    static String bearer(UriInfo uri) {
        return bearer(uri.getBaseUri().getHost());
    }

    static String invalidToken(UriInfo uri) {
        return invalidToken(uri.getBaseUri().getHost());
    }
}
