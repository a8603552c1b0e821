package org.sciplat.token.core;

/** An internal token asked for without a well-formed service name. */
public class InvalidServiceException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidServiceException(String message) {
        super("invalid_service", 422, message, RequestField.SERVICE);
    }
}
