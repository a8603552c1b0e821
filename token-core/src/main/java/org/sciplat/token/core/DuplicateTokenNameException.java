package org.sciplat.token.core;

/** The user already has a token of this name; names are unique per user. */
public class DuplicateTokenNameException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public DuplicateTokenNameException(String name) {
        super("duplicate_token_name", 409, "A token with the name \"" + name + "\" already exists",
                RequestField.TOKEN_NAME);
    }
}
