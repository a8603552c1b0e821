package org.sciplat.token.core;

/**
 * The root of every failure token-core reports. Each subclass names its wire-level error type once, so the JSON
 * API and the web UI map the whole family in one place each instead of catching case by case.
 */
public abstract class TokenServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected TokenServiceException(String message) {
        super(message);
    }

    protected TokenServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The machine-readable error type, as the anchor token service spells it (for example {@code not_found}). */
    public abstract String type();
}
