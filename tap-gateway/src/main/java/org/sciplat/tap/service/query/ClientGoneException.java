package org.sciplat.tap.service.query;

import java.io.IOException;

/** A synchronous query whose client went away before its result was written: its statement is stopped. */
public class ClientGoneException extends IOException {

    private static final long serialVersionUID = 1L;

    public ClientGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
