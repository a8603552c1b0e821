package org.sciplat.token.core;

import java.time.Duration;

/** Too many wrong passwords from one client address: it must wait before it may try again. */
public class TooManyLoginAttemptsException extends TooManyRequestsException {

    private static final long serialVersionUID = 1L;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        super("too_many_attempts", "Too many failed logins from your address; try again in " + describe(retryAfter),
                retryAfter);
    }

    private static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return ((seconds + 59) / 60) + " minutes";
    }
}
