package org.sciplat.token.api.error;

import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;

/** A request body longer than the API reads ({@code sciplat.api.max-body-size}), refused before it is all read. */
public class BodyTooLargeException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("body_too_large", 413, "The request body is larger than the " + limit + " bytes accepted",
                RequestField.BODY);
    }
}
