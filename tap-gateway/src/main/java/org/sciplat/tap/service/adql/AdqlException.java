package org.sciplat.tap.service.adql;

/** A query the service will not run, with a message that tells its author why. */
public class AdqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AdqlException(String message) {
        super(message);
    }
}
