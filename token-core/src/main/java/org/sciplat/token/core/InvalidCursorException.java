package org.sciplat.token.core;

/** A history cursor no page handed out; refused rather than silently starting from the top. */
public class InvalidCursorException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String cursor) {
        super("invalid_cursor", 422, "Invalid cursor: " + cursor, RequestField.CURSOR);
    }
}
