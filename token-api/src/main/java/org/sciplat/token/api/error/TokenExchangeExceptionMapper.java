package org.sciplat.token.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.jwt.TokenExchangeException;

/**
 * A refused token exchange: 400 with the OAuth error (RFC 6749 section 5.2), which token endpoint clients parse,
 * rather than this API's own error body.
 */
@Provider
public class TokenExchangeExceptionMapper implements ExceptionMapper<TokenExchangeException> {

    @Override
    public Response toResponse(TokenExchangeException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(new OAuthErrorBody(e.type(), e.getMessage()))
                .build();
    }
}
