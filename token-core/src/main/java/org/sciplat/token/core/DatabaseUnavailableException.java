package org.sciplat.token.core;

/** The database did not answer; the caller can retry later, nothing was changed. */
public class DatabaseUnavailableException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super("database_unavailable", 503, message, cause);
    }
}
