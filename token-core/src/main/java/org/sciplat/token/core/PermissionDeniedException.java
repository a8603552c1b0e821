package org.sciplat.token.core;

/** The caller is known but may not do this. */
public class PermissionDeniedException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super("permission_denied", 403, message);
    }
}
