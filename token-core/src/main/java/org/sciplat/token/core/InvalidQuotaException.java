package org.sciplat.token.core;

/** A quota override that names a service badly or grants an amount out of range. */
public class InvalidQuotaException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidQuotaException(String message, RequestField field) {
        super("invalid_quota", 422, message, field);
    }
}
