package org.sciplat.token.core.jwt;

import org.sciplat.token.core.TokenServiceException;

/**
 * A token exchange refused, with the OAuth 2.0 error code (RFC 6749 section 5.2) a client of the token endpoint
 * expects instead of this service's own error types.
 */
public class TokenExchangeException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    /** The error is the OAuth code, such as {@code invalid_grant}; RFC 6749 answers every one with 400. */
    private TokenExchangeException(String error, String description) {
        super(error, 400, description);
    }

    static TokenExchangeException invalidRequest(String description) {
        return new TokenExchangeException("invalid_request", description);
    }

    static TokenExchangeException invalidGrant(String description) {
        return new TokenExchangeException("invalid_grant", description);
    }

    static TokenExchangeException unsupportedGrantType(String description) {
        return new TokenExchangeException("unsupported_grant_type", description);
    }

    static TokenExchangeException invalidScope(String description) {
        return new TokenExchangeException("invalid_scope", description);
    }
}
