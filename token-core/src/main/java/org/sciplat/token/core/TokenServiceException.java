package org.sciplat.token.core;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Optional;

/**
 * The root of every failure token-core reports: one subclass per kind, each naming its wire-level error type and
 * HTTP status once, as the anchor token service's exceptions do, so the JSON API and the web UI tell kinds apart
 * by class. They are application exceptions: they reach the caller as thrown, not wrapped in EJBException, and
 * roll back the work.
 */
@ApplicationException(rollback = true)
public abstract class TokenServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;
    private final RequestField field;

    protected TokenServiceException(String type, int status, String message, RequestField field) {
        super(message);
        this.type = type;
        this.status = status;
        this.field = field;
    }

    protected TokenServiceException(String type, int status, String message) {
        this(type, status, message, (RequestField) null);
    }

    protected TokenServiceException(String type, int status, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.status = status;
        this.field = null;
    }

    /** The machine-readable error type, as the anchor token service spells it (for example {@code not_found}). */
    public String type() {
        return type;
    }

    /** The HTTP status the anchor answers this kind with. */
    public int status() {
        return status;
    }

    /** The part of the request the problem lies in; empty when nowhere in particular. */
    public Optional<RequestField> field() {
        return Optional.ofNullable(field);
    }

    /** Where in the request the problem lies, such as {@code ["body", "expires"]}; empty when nowhere in particular. */
    public List<String> loc() {
        return field().map(RequestField::loc).orElse(List.of());
    }
}
