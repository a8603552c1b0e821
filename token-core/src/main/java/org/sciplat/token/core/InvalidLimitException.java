package org.sciplat.token.core;

/** A page size that is not a whole number in the allowed range. */
public class InvalidLimitException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidLimitException(String message) {
        super("invalid_limit", 422, message, RequestField.LIMIT);
    }
}
