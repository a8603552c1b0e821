package org.sciplat.token.api.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.TooManyLoginAttemptsException;

/** A throttled login: the client is told when it may try again. */
@Provider
public class TooManyLoginAttemptsMapper implements ExceptionMapper<TooManyLoginAttemptsException> {

    @Override
    public Response toResponse(TooManyLoginAttemptsException e) {
        return TokenServiceExceptionMapper.response(e)
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }
}
