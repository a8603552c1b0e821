package org.sciplat.token.core;

import java.util.List;

/** A login with a wrong username or password; which of the two is not told. */
public class AuthenticationFailedException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message, List.of());
    }

    @Override
    public String type() {
        return "invalid_credentials";
    }
}
