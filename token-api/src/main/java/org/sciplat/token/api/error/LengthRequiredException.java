package org.sciplat.token.api.error;

import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;

/** A form sent without a length: the container would parse it whole before the API could bound it. */
public class LengthRequiredException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public LengthRequiredException() {
        super("length_required", 411, "Send a form with its Content-Length", RequestField.BODY);
    }
}
