package org.sciplat.token.core.leak;

import java.time.Duration;
import org.sciplat.token.core.TooManyRequestsException;

/** Too many leak reports from one client address this minute: it must wait for the next. */
public class TooManyReportsException extends TooManyRequestsException {

    private static final long serialVersionUID = 1L;

    public TooManyReportsException(Duration retryAfter) {
        super("too_many_requests", "Too many leak reports from your address; try again in a minute", retryAfter);
    }
}
