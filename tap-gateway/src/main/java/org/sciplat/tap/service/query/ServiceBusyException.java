package org.sciplat.tap.service.query;

import java.time.Duration;

/** A query that found no free place to run: the service is at its limit of concurrent queries. */
public class ServiceBusyException extends QueryFailedException {

    /** What a refused client is told to wait (Retry-After): about what a short query takes to free a place. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final long serialVersionUID = 1L;

    public ServiceBusyException(String message) {
        super(message, false, null);
    }
}
