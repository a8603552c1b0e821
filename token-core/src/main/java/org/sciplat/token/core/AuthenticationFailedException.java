package org.sciplat.token.core;

/** A login with a wrong username or password; which of the two is not told. */
public class AuthenticationFailedException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super("invalid_credentials", 401, message);
    }
}
