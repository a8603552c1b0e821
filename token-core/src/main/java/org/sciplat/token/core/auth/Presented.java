package org.sciplat.token.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.token.TokenCredential;

/**
 * The one token a request presents in its Authorization header: Bearer, or HTTP Basic with the token in either half
 * (TOPCAT, STILTS and pyvo put it in the password beside x-oauth-basic; git-style clients the other way round).
 * Credentials that leave a doubt about which token is meant are refused, never resolved by a guess: a guess lets a
 * wrong token ride along unnoticed beside a right one.
 */
record Presented(String token, boolean bearer) {

    static final String OAUTH_BASIC = "x-oauth-basic";

    /** The token in these Authorization header values; none when there is no header. */
    static Optional<Presented> in(List<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        if (authorization.size() > 1) {
            throw new InvalidTokenException("More than one Authorization header");
        }
        String header = authorization.get(0).trim();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(new Presented(value, true));
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return Optional.of(new Presented(fromBasic(value), false));
        }
        throw new InvalidTokenException("Unknown Authorization scheme");
    }

    /** A JWS in compact form, as the token exchange issues it: its header is a JSON object, which encodes to eyJ. */
    boolean isJwt() {
        return bearer && token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
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
        boolean userIsToken = TokenCredential.isMeantAsToken(user);
        boolean passwordIsToken = TokenCredential.isMeantAsToken(password);
        if (userIsToken && passwordIsToken && !user.equals(password)) {
            throw new InvalidTokenException("Basic credentials hold two different tokens");
        }
        if (userIsToken) {
            return user;
        }
        if (passwordIsToken || user.equals(OAUTH_BASIC)) {
            return password;
        }
        if (password.equals(OAUTH_BASIC)) {
            return user;
        }
        throw new InvalidTokenException("Basic credentials hold no token");
    }

    @Override
    public String toString() {
        return (bearer ? "Bearer" : "Basic") + " <token>";
    }
}
