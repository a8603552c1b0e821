package org.sciplat.token.core.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.sciplat.token.core.InvalidTokenException;

/**
 * How clients present a token in an HTTP Authorization header: Bearer, or Basic with the token as the username or
 * the password (TOPCAT, STILTS and pyvo put it in the password beside x-oauth-basic; git-style clients the other
 * way round). The API and the TAP gateway read it the same way.
 */
public final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    /** The token in an Authorization header; a header that names no token at all is an invalid credential. */
    public static Optional<String> token(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(value);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return Optional.of(fromBasic(value));
        }
        throw new InvalidTokenException("Unknown Authorization scheme");
    }

    private static String fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        // the token may be either half; x-oauth-basic (or anything else) fills the other
        return user.startsWith("gt-") ? user : password;
    }
}
