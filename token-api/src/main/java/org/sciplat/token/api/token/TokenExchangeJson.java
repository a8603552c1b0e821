package org.sciplat.token.api.token;

/** A successful token exchange response, in RFC 8693's field names. */
public record TokenExchangeJson(
        String accessToken,
        String issuedTokenType,
        String tokenType,
        long expiresIn,
        String scope) {
}
