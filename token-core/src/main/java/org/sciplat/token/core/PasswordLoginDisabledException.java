package org.sciplat.token.core;

/** A password login where users log in through the identity provider, which alone checks their passwords. */
public class PasswordLoginDisabledException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public PasswordLoginDisabledException() {
        super("password_login_disabled", 403,
                "Password login is disabled: log in through the platform's identity provider in the web UI");
    }
}
