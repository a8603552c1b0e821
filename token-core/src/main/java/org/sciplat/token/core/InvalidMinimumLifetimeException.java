package org.sciplat.token.core;

/** A delegated token's minimum lifetime that is malformed, out of range, or beyond the session's end. */
public class InvalidMinimumLifetimeException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidMinimumLifetimeException(String message) {
        super("invalid_minimum_lifetime", 422, message, RequestField.MINIMUM_LIFETIME);
    }
}
