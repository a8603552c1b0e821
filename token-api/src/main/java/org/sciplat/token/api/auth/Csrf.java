package org.sciplat.token.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The CSRF value of a browser session: derived from the session token in the HttpOnly cookie, so a page that
 * cannot read the cookie cannot compute it, and nothing has to be stored.
 */
public final class Csrf {

    private Csrf() {
    }

    public static String of(String sessionToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("csrf:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static boolean matches(String sessionToken, String presented) {
        return presented != null && MessageDigest.isEqual(
                of(sessionToken).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
