package org.sciplat.token.core;

import java.util.List;

/**
 * A request that cannot be carried out as asked, with the anchor's error type for it ({@code invalid_expires},
 * {@code invalid_scopes}, {@code duplicate_token_name}, ...) and where in the request the fault is.
 */
public class InvalidRequestException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    private final String type;

    public InvalidRequestException(String type, String message, String... loc) {
        super(message, List.of(loc));
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    public static InvalidRequestException invalidExpires(String... loc) {
        return new InvalidRequestException("invalid_expires", "Token must be valid for at least five minutes", loc);
    }

    public static InvalidRequestException invalidScopes(String message, String... loc) {
        return new InvalidRequestException("invalid_scopes", message, loc);
    }

    public static InvalidRequestException duplicateName(String name, String... loc) {
        return new InvalidRequestException("duplicate_token_name",
                "A token with the name \"" + name + "\" already exists", loc);
    }
}
