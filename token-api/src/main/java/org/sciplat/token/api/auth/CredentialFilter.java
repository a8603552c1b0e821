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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.token.AuthorizationHeader;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * Establishes the caller from, in this order, the browser's session cookie or the Authorization header: Bearer,
 * or Basic with the token as the username or the password (the other being {@code x-oauth-basic} or anything).
 * A state-changing request authenticated by the cookie must carry the session's CSRF value in X-CSRF-Token.
 *
 * <p>A Bearer JWT from the token exchange is verified through the container's MicroProfile JWT (see
 * {@link CallerVerifier}); the caller is then the token the JWT was exchanged from.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CredentialFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "sciplat_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> CREDENTIAL_IN_BODY = Set.of("login", "token-exchange");

    @Inject
    TokenVerifier verifier;

    @Inject
    CallerVerifier callers;

    @Inject
    Caller caller;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Authentications authentications;

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
        Optional<String> fromCookie = Optional.ofNullable(request.getCookies().get(SESSION_COOKIE))
                .filter(cookie -> !credentialInBody)
                .map(Cookie::getValue);
        if (fromCookie.isPresent()) {
            Optional<VerifiedToken> session = verifyQuietly(fromCookie.get());
            if (session.isPresent()) {
                if (!SAFE_METHODS.contains(request.getMethod())
                        && !Csrf.matches(fromCookie.get(), request.getHeaderString(CSRF_HEADER))) {
                    throw new PermissionDeniedException("Missing or wrong " + CSRF_HEADER + " header");
                }
                caller.authenticated(session.get(), fromCookie.get(), true);
                authentications.record(Where.API, Result.SUCCESS);
                return;
            }
        }
        Optional<String> presented = AuthorizationHeader.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (presented.isEmpty()) {
            return;
        }
        VerifiedToken verified;
        try {
            verified = callers.verify(presented.get(), servletRequest, servletResponse);
        } catch (InvalidTokenException e) {
            authentications.record(Where.API, Result.INVALID_TOKEN);
            throw e;
        } catch (TokenServiceException e) {
            authentications.record(Where.API, Result.UNAVAILABLE);
            throw e;
        }
        caller.authenticated(verified, presented.get(), false);
        authentications.record(Where.API, Result.SUCCESS);
    }

    private Optional<VerifiedToken> verifyQuietly(String token) {
        try {
            return Optional.of(verifier.verify(token));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }
}
