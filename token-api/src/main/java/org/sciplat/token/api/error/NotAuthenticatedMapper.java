package org.sciplat.token.api.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sciplat.token.core.auth.AuthenticationResult.Missing;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.auth.Authenticator;
import org.sciplat.token.core.auth.Challenge;

/** 401 with a Bearer challenge when a route needing a caller got no credential at all. */
@Provider
public class NotAuthenticatedMapper implements ExceptionMapper<NotAuthenticatedException> {

    @Context
    UriInfo uri;

    @Inject
    Authenticator authenticator;

    @Override
    public Response toResponse(NotAuthenticatedException e) {
        authenticator.countMissing(Where.API);
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", new Challenge(uri.getBaseUri().getHost()).bearer(new Missing()))
                .header("Cache-Control", "no-cache, no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.getMessage(), "not_authenticated"))
                .build();
    }
}
