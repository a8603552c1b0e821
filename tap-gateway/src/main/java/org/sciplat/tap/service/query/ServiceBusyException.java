package org.sciplat.tap.service.query;

/** A query that found no free place to run in time: the service is at its limit of concurrent queries. */
public class ServiceBusyException extends QueryFailedException {

    private static final long serialVersionUID = 1L;

    public ServiceBusyException(String message) {
        super(message, false, null);
    }
}
