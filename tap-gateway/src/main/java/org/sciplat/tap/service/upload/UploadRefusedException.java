package org.sciplat.tap.service.upload;

import org.sciplat.tap.service.query.InvalidQueryException;

/** An UPLOAD the service does not take: malformed, too large, from a host not allowed, or not a VOTable. */
public class UploadRefusedException extends InvalidQueryException {

    private static final long serialVersionUID = 1L;

    public UploadRefusedException(String message) {
        super(message);
    }
}
