package org.sciplat.tap.service.uws;

/** The UWS 1.1 execution phases this service's jobs go through. */
public enum Phase {
    PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED;

    /** A phase a job can still leave by itself, so that a WAIT on it is worth it. */
    boolean isActive() {
        return this == PENDING || this == QUEUED || this == EXECUTING;
    }
}
