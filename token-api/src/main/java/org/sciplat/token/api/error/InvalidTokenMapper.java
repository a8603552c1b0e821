package org.sciplat.token.api.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.Challenge;

/** A refused token: the client is told how to present a good one, and no cache keeps the refusal. */
@Provider
public class InvalidTokenMapper implements ExceptionMapper<InvalidTokenException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidTokenException e) {
        return TokenServiceExceptionMapper.response(e)
                .header("WWW-Authenticate", new Challenge(uri.getBaseUri().getHost())
                        .bearer(new Invalid(e.getMessage())))
                .header("Cache-Control", "no-cache, no-store")
                .build();
    }
}
