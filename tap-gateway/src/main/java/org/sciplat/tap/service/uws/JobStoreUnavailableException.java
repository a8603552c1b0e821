package org.sciplat.tap.service.uws;

/** The database that holds the jobs did not answer: nothing about the job can be said, or done, just now. */
public class JobStoreUnavailableException extends RuntimeException {

    public JobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
