package org.sciplat.token.core;

/** A rotation's grace period below zero or above the longest allowed. */
public class InvalidGracePeriodException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidGracePeriodException(String message) {
        super("invalid_grace_period", 422, message, RequestField.GRACE_PERIOD);
    }
}
