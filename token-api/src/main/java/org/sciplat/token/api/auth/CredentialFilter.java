package org.sciplat.token.api.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;
import org.sciplat.token.core.DatabaseUnavailableException;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.auth.AuthenticationResult;
import org.sciplat.token.core.auth.AuthenticationResult.Authenticated;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Unavailable;
import org.sciplat.token.core.auth.ClientAddress;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.auth.Authenticator;
import org.sciplat.token.core.auth.Credentials;
import org.sciplat.token.core.auth.Requirement;
import org.sciplat.token.core.usage.TokenUses;

/**
 * The API's way in: hands the browser's session cookie and the Authorization header to token-core's
 * {@link Authenticator} and makes its answer the request's {@link Caller}, or the API's error. It requires nothing
 * itself: each resource decides whether it needs a caller. A state-changing request authenticated by the cookie
 * must carry the session's CSRF value in X-CSRF-Token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CredentialFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "sciplat_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> CREDENTIAL_IN_BODY = Set.of("login", "token-exchange");

    @Inject
    Authenticator authenticator;

    @Inject
    Caller caller;

    @Inject
    ClientAddress clientAddress;

    @Inject
    TokenUses uses;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.from(clientAddress.of(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For")));
        // logging in and the token exchange name their credential in the body; a browser's cookie beside it
        // must neither stand in for it nor make the request fail for want of a CSRF header
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        boolean credentialInBody = "POST".equals(request.getMethod()) && CREDENTIAL_IN_BODY.contains(path);
        Optional<String> cookie = Optional.ofNullable(request.getCookies().get(SESSION_COOKIE))
                .filter(sent -> !credentialInBody)
                .map(Cookie::getValue);
        Credentials credentials = Credentials.authorization(servletRequest.getHeaders(HttpHeaders.AUTHORIZATION))
                .withSessionCookie(cookie)
                .withContainerJwt(ContainerJwt.of(servletRequest, servletResponse));
        AuthenticationResult result = authenticator.authenticate(Where.API, credentials, Requirement.NONE);
        if (result instanceof Authenticated authenticated) {
            if (authenticated.fromSessionCookie() && !SAFE_METHODS.contains(request.getMethod())
                    && !Csrf.matches(authenticated.presented(), request.getHeaderString(CSRF_HEADER))) {
                throw new PermissionDeniedException("Missing or wrong " + CSRF_HEADER + " header");
            }
            caller.authenticated(authenticated.token(), authenticated.presented(), authenticated.fromSessionCookie());
            uses.seen(authenticated.token(), caller.ipAddress(), "api");
        } else if (result instanceof Invalid invalid) {
            throw new InvalidTokenException(invalid.reason());
        } else if (result instanceof Unavailable) {
            throw new DatabaseUnavailableException("Tokens cannot be verified right now; please try again", null);
        }
    }
}
