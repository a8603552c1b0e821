package org.sciplat.token.core;

/** The thing asked for does not exist, or the caller may not know that it does. */
public class NotFoundException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super("not_found", 404, message);
    }

    public NotFoundException(String message, RequestField field) {
        super("not_found", 404, message, field);
    }
}
