package org.sciplat.token.api.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;

/** 401 with a Bearer challenge when a route needing a caller got no credential at all. */
@Provider
public class NotAuthenticatedMapper implements ExceptionMapper<NotAuthenticatedException> {

    @Context
    UriInfo uri;

    @Inject
    Authentications authentications;

    @Override
    public Response toResponse(NotAuthenticatedException e) {
        authentications.record(Where.API, Result.MISSING);
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", Challenges.bearer(uri))
                .header("Cache-Control", "no-cache, no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.getMessage(), "not_authenticated"))
                .build();
    }
}
