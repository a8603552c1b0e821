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
                return;
            }
        }
        Optional<String> presented = tokenFromHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (presented.isEmpty()) {
            return;
        }
        caller.authenticated(callers.verify(presented.get(), servletRequest, servletResponse), presented.get(),
                false);
    }

    private Optional<VerifiedToken> verifyQuietly(String token) {
        try {
            return Optional.of(verifier.verify(token));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    /** The token in an Authorization header; a header that names no token at all is an invalid credential. */
    public static Optional<String> tokenFromHeader(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(value);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return Optional.of(fromBasic(value));
        }
        throw new InvalidTokenException("Unknown Authorization scheme");
    }

    private static String fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        // the token may be either half; x-oauth-basic (or anything else) fills the other
        return user.startsWith("gt-") ? user : password;
    }
}
