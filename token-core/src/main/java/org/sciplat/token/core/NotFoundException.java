package org.sciplat.token.core;

import java.util.List;

/** The thing asked for does not exist, or the caller may not know that it does. */
public class NotFoundException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, String... loc) {
        super(message, List.of(loc));
    }

    @Override
    public String type() {
        return "not_found";
    }
}
