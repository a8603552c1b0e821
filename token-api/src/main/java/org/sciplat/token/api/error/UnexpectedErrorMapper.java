package org.sciplat.token.api.error;

import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sciplat.token.core.TokenServiceException;

/**
 * Everything else: JAX-RS's own errors (unknown route, wrong method or media type) keep their status with a JSON
 * body; a genuine fault is logged with an incident id and answered 500 without internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Optional<TokenServiceException> refusal = refusalInside(e);
        if (refusal.isPresent()) {
            return TokenServiceExceptionMapper.response(refusal.get()).build();
        }
        if (isUnparseableJson(e)) {
            return Response.status(TokenServiceExceptionMapper.UNPROCESSABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("Request body is not valid JSON", "invalid_json", "body"))
                    .build();
        }
        if (e instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of(status.getReasonPhrase(), "http_" + status.getStatusCode()))
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of("Internal error; incident " + incident + " is logged", "internal_error"))
                .build();
    }

    /**
     * A refusal thrown while the runtime read the body (by {@code JsonObjectReader} or the size limit's stream)
     * reaches here wrapped in the runtime's own exception.
     */
    private static Optional<TokenServiceException> refusalInside(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TokenServiceException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** A body the JSON reader could not parse reaches here wrapped in a 400 by the runtime. */
    private static boolean isUnparseableJson(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
