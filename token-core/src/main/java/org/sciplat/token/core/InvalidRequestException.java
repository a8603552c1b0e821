package org.sciplat.token.core;

/** A request missing a field, or with one of the wrong JSON type or form, before any rule is applied. */
public class InvalidRequestException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message, RequestField field) {
        super("invalid_request", 422, message, field);
    }
}
