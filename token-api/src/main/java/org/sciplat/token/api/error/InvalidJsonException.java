package org.sciplat.token.api.error;

import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;

/**
 * A request body that is not one JSON object read strictly: malformed, followed by more content, with a key given
 * twice, nested too deeply, a number too long to be a field's value, or a JSON value other than an object.
 */
public class InvalidJsonException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String message) {
        super("invalid_json", 422, message, RequestField.BODY);
    }
}
