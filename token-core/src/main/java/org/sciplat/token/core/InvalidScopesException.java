package org.sciplat.token.core;

/** Scopes the platform does not know, or broader than the creator's own. */
public class InvalidScopesException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidScopesException(String message) {
        super("invalid_scopes", 422, message, RequestField.SCOPES);
    }
}
