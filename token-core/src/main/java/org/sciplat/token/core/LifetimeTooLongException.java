package org.sciplat.token.core;

/** An expiry further ahead than the lifetime policy allows for the token's scopes. */
public class LifetimeTooLongException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public LifetimeTooLongException(String message) {
        super("lifetime_too_long", 422, message, RequestField.EXPIRES);
    }
}
