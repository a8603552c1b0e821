package org.sciplat.token.api.error;

/** A route that needs a caller was called without any credential. */
public class NotAuthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException() {
        super("Authentication required");
    }
}
