package org.sciplat.token.core;

/** The presented token is malformed, unknown, expired, revoked or has the wrong secret; which one is not told. */
public class InvalidTokenException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super("invalid_token", 401, message);
    }
}
