package org.sciplat.token.core;

/** A username that is not one, or not a bot's where only a bot may hold the token. */
public class InvalidUsernameException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidUsernameException(String message) {
        super("invalid_username", 422, message, RequestField.USERNAME);
    }
}
