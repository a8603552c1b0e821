package org.sciplat.token.api.error;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON at all: 422 with what the parser said, never a 500 or an HTML page. */
@Provider
public class BadRequestBodyMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return Response.status(TokenServiceExceptionMapper.UNPROCESSABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of("Request body is not valid JSON: " + e.getMessage(), "invalid_json", "body"))
                .build();
    }
}
