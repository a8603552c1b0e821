package org.sciplat.tap.service.query;

/** A TAP request whose parameters cannot be honoured, with a message for the person who sent it. */
public class InvalidQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
