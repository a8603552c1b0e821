package org.sciplat.tap.service.uws;

/** A change a job's phase does not allow, such as new parameters for a job that has already run. */
public class JobStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobStateException(String message) {
        super(message);
    }
}
