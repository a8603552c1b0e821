package org.sciplat.token.api.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.InvalidTokenException;

/** A refused token: the client is told how to present a good one, and no cache keeps the refusal. */
@Provider
public class InvalidTokenMapper implements ExceptionMapper<InvalidTokenException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidTokenException e) {
        return TokenServiceExceptionMapper.response(e)
                .header("WWW-Authenticate", Challenges.invalidToken(uri))
                .header("Cache-Control", "no-cache, no-store")
                .build();
    }
}
