package org.sciplat.token.api.notice;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.core.notice.ExpiryWarning;

/** Every API answer to a token about to expire carries a {@code Warning} saying when, and how to renew it. */
@Provider
public class ExpiryWarningFilter implements ContainerResponseFilter {

    @Inject
    Caller caller;

    @Inject
    ExpiryWarning warning;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        caller.findToken()
                .flatMap(token -> warning.headerFor(token, Instant.now()))
                .ifPresent(header -> response.getHeaders().add(ExpiryWarning.HEADER, header));
    }
}
