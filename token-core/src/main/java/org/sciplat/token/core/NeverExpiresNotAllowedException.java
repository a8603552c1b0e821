package org.sciplat.token.core;

/** A token that would never expire, with a scope the lifetime policy does not allow that for. */
public class NeverExpiresNotAllowedException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public NeverExpiresNotAllowedException(String message) {
        super("never_expires_not_allowed", 422, message, RequestField.EXPIRES);
    }
}
