package org.sciplat.token.core;

/** A token name that is empty, too long or has control characters, or a name where none may be. */
public class InvalidTokenNameException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenNameException(String message) {
        super("invalid_token_name", 422, message, RequestField.TOKEN_NAME);
    }
}
