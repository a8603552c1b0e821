package org.sciplat.token.core;

/** A logout with a credential that is not a login session. */
public class NotASessionException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public NotASessionException() {
        super("not_a_session", 422, "Only a login session can be logged out");
    }
}
