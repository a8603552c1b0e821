package org.sciplat.tap.service.query;

/**
 * A valid query the database could not complete: stopped at its execution duration, refused by the database as
 * wrong for its data (userError), or failed for a reason of the service's own.
 */
public class QueryFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean userError;

    public QueryFailedException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    public boolean userError() {
        return userError;
    }
}
