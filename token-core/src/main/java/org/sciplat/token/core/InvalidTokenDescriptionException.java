package org.sciplat.token.core;

/** A token description that is too long, or has control characters (a line break among them): one line only. */
public class InvalidTokenDescriptionException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenDescriptionException(String message) {
        super("invalid_description", 422, message, RequestField.DESCRIPTION);
    }
}
