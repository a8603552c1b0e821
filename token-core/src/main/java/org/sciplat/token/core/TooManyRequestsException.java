package org.sciplat.token.core;

import java.time.Duration;

/** A client that must wait before it asks again (429): each kind says why, and all say how long. */
public abstract class TooManyRequestsException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    protected TooManyRequestsException(String type, String message, Duration retryAfter) {
        super(type, 429, message);
        this.retryAfter = retryAfter;
    }

    /** How long the client must wait, in whole seconds rounded up: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
