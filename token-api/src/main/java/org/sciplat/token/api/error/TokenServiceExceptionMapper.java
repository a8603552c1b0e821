package org.sciplat.token.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.DatabaseUnavailableException;
import org.sciplat.token.core.TokenServiceException;

/** The single place where a token-core failure becomes an HTTP status and a JSON body. */
@Provider
public class TokenServiceExceptionMapper implements ExceptionMapper<TokenServiceException> {

    @Override
    public Response toResponse(TokenServiceException e) {
        return Response.status(statusOf(e))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.getMessage(), e.type()))
                .build();
    }

    private static Response.Status statusOf(TokenServiceException e) {
        if (e instanceof DatabaseUnavailableException) {
            return Response.Status.SERVICE_UNAVAILABLE;
        }
        return Response.Status.INTERNAL_SERVER_ERROR;
    }
}
