package org.sciplat.tap.service.uws;

/** A new job for a user who already keeps as many as the service stores for one user. */
public class TooManyJobsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyJobsException(String message) {
        super(message);
    }
}
