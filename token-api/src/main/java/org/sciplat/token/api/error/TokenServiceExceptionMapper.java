package org.sciplat.token.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.TokenServiceException;

/**
 * The single place where a token-core failure becomes an HTTP status and a JSON body, both the failure's own.
 * Kinds that a client must be answered differently have a mapper of their own, which Jakarta REST chooses by
 * class (the nearest superclass wins) and which starts from {@link #response}.
 */
@Provider
public class TokenServiceExceptionMapper implements ExceptionMapper<TokenServiceException> {

    @Override
    public Response toResponse(TokenServiceException e) {
        return response(e).build();
    }

    static Response.ResponseBuilder response(TokenServiceException e) {
        return Response.status(status(e.status()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.getMessage(), e.type(), e.loc().toArray(String[]::new)));
    }

    /** Jakarta REST names no 422, so it is spelt out here. */
    private static Response.StatusType status(int code) {
        return code == UNPROCESSABLE.getStatusCode() ? UNPROCESSABLE : Response.Status.fromStatusCode(code);
    }

    static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
