package org.sciplat.token.core;

/**
 * A login through the identity provider that cannot be completed: an answer for no login this browser started (or
 * one already used), a refusal by the provider, or an ID token that fails its checks. Which check failed is logged,
 * not told.
 */
public class FederatedLoginException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public FederatedLoginException(String message) {
        super("invalid_login", 401, message);
    }

    public FederatedLoginException(String message, Throwable cause) {
        super("invalid_login", 401, message, cause);
    }
}
