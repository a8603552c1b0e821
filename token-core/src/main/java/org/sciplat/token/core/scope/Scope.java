package org.sciplat.token.core.scope;

/** A named permission a token can carry, such as {@code read:tap}. */
public record Scope(String name, String description) {

    public static final String USER_TOKEN = "user:token";
    public static final String ADMIN_TOKEN = "admin:token";
    public static final String ADMIN_USERINFO = "admin:userinfo";
}
