package org.sciplat.tap.service.query;

/**
 * A query refused because its user already runs, or has waiting, as many as one user may: 429, the user's own
 * doing, where 503 would tell clients and monitors that the service is down.
 */
public class TooManyQueriesException extends ServiceBusyException {

    private static final long serialVersionUID = 1L;

    public TooManyQueriesException(String message) {
        super(message);
    }
}
