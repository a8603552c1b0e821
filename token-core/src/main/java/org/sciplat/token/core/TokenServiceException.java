package org.sciplat.token.core;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The root of every failure token-core reports. Each subclass names its wire-level error type once, so the JSON
 * API and the web UI map the whole family in one place each instead of catching case by case. They are
 * application exceptions: they reach the caller as thrown, not wrapped in EJBException, and roll back the work.
 */
@ApplicationException(rollback = true)
public abstract class TokenServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> loc;

    protected TokenServiceException(String message, List<String> loc) {
        super(message);
        this.loc = List.copyOf(loc);
    }

    protected TokenServiceException(String message, Throwable cause) {
        super(message, cause);
        this.loc = List.of();
    }

    /** The machine-readable error type, as the anchor token service spells it (for example {@code not_found}). */
    public abstract String type();

    /** Where in the request the problem lies, such as {@code ["body", "expires"]}; empty when nowhere in particular. */
    public List<String> loc() {
        return loc;
    }
}
