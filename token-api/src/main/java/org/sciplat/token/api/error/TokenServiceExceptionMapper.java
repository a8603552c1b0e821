package org.sciplat.token.api.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.sciplat.token.core.TokenServiceException;

/** The single place where a token-core failure becomes an HTTP status and a JSON body. */
@Provider
public class TokenServiceExceptionMapper implements ExceptionMapper<TokenServiceException> {

    private static final Map<String, Response.StatusType> STATUS_BY_TYPE = Map.of(
            "invalid_token", Response.Status.UNAUTHORIZED,
            "invalid_credentials", Response.Status.UNAUTHORIZED,
            "permission_denied", Response.Status.FORBIDDEN,
            "not_found", Response.Status.NOT_FOUND,
            "duplicate_token_name", Response.Status.CONFLICT,
            "database_unavailable", Response.Status.SERVICE_UNAVAILABLE);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TokenServiceException e) {
        Response.StatusType status = STATUS_BY_TYPE.getOrDefault(e.type(), UNPROCESSABLE);
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.getMessage(), e.type(), e.loc().toArray(String[]::new)));
        if ("invalid_token".equals(e.type())) {
            response.header("WWW-Authenticate", Challenges.invalidToken(uri));
            response.header("Cache-Control", "no-cache, no-store");
        }
        return response.build();
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
