package org.sciplat.token.core;

import java.util.List;

/** The caller is known but may not do this. */
public class PermissionDeniedException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message, List.of());
    }

    @Override
    public String type() {
        return "permission_denied";
    }
}
