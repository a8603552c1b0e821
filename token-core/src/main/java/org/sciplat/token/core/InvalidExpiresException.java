package org.sciplat.token.core;

/** An expiry that leaves the token less than five minutes, the anchor's minimum lifetime. */
public class InvalidExpiresException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidExpiresException() {
        super("invalid_expires", 422, "Token must be valid for at least five minutes", RequestField.EXPIRES);
    }
}
