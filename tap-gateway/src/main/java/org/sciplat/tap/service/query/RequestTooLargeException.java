package org.sciplat.tap.service.query;

/** A TAP request, or the parameters a job would keep, larger than the service accepts: 413. */
public class RequestTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(String message) {
        super(message);
    }
}
