package org.sciplat.token.core;

/** A token type that is unknown, or that cannot be asked for where it was. */
public class InvalidTokenTypeException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenTypeException(String message, RequestField field) {
        super("invalid_token_type", 422, message, field);
    }
}
