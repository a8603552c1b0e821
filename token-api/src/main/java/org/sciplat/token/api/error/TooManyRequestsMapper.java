package org.sciplat.token.api.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.TooManyRequestsException;

/** A throttled request (a login, a leak report): the client is told when it may try again. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequestsException> {

    @Override
    public Response toResponse(TooManyRequestsException e) {
        return TokenServiceExceptionMapper.response(e)
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }
}
