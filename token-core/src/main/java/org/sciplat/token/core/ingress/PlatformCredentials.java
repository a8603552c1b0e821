package org.sciplat.token.core.ingress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.token.TokenCredential;

/**
 * The platform's own credentials taken out of what a request passes on to the service behind the proxy: a
 * {@code gt-} token in {@code Authorization} (Bearer, or in either half of Basic) and the session cookie in
 * {@code Cookie}. Everything else passes untouched, the service's own credentials included; a JWT from the token
 * exchange is meant for such services, so it stays.
 */
public final class PlatformCredentials {

    private PlatformCredentials() {
    }

    /** The Authorization values left once the platform's tokens are out, joined; empty when none is left. */
    public static Optional<String> authorizationWithout(List<String> values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank() && !holdsPlatformToken(value.trim())) {
                kept.add(value.trim());
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", kept));
    }

    /** The cookies left once the session cookie is out, as one Cookie value; empty when none is left. */
    public static Optional<String> cookiesWithout(List<String> values, String sessionCookie) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String pair : value.split(";")) {
                String cookie = pair.trim();
                int equals = cookie.indexOf('=');
                String name = (equals < 0 ? cookie : cookie.substring(0, equals)).trim();
                if (!cookie.isEmpty() && !name.equals(sessionCookie)) {
                    kept.add(cookie);
                }
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", kept));
    }

    private static boolean holdsPlatformToken(String value) {
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String credential = space < 0 ? "" : value.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return TokenCredential.isMeantAsToken(credential);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            return TokenCredential.isMeantAsToken(colon < 0 ? decoded : decoded.substring(0, colon))
                    || colon >= 0 && TokenCredential.isMeantAsToken(decoded.substring(colon + 1));
        }
        return false;
    }
}
