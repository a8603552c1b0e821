package org.sciplat.token.core;

import java.util.List;

/** The presented token is malformed, unknown, expired, revoked or has the wrong secret; which one is not told. */
public class InvalidTokenException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message, List.of());
    }

    @Override
    public String type() {
        return "invalid_token";
    }
}
