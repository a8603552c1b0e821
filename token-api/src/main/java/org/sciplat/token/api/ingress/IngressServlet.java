package org.sciplat.token.api.ingress;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sciplat.token.api.auth.CredentialFilter;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.jwt.TokenExchange;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * The anchor token service's {@code /ingress/auth}, at {@code /auth/ingress/auth}: what an NGINX
 * {@code auth_request} (or any reverse proxy) asks before forwarding a request to a service it protects.
 * {@code scope} (repeatable) names the scopes required, all of them or, with {@code satisfy=any}, one.
 *
 * <p>200 with {@code X-Auth-Request-User} and {@code X-Auth-Request-Scopes} when the token passes; 401 with a
 * challenge without a valid token; 403 with {@code error="insufficient_scope"} when a scope is missing. A plain
 * servlet: it is on the path of every proxied request, and does nothing but verify.
 */
@WebServlet(name = "IngressCheck", urlPatterns = "/ingress/auth")
public class IngressServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(IngressServlet.class.getName());

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenExchange exchange;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> scopes = Arrays.asList(Optional.ofNullable(request.getParameterValues("scope"))
                .orElse(new String[0]));
        String satisfy = Optional.ofNullable(request.getParameter("satisfy")).orElse("all");
        if (scopes.isEmpty() || !scopes.stream().allMatch(s -> s.matches("[a-zA-Z0-9:._-]+"))
                || !(satisfy.equals("all") || satisfy.equals("any"))) {
            error(response, 422, "invalid_request",
                    "At least one valid scope is required, and satisfy must be all or any");
            return;
        }
        String realm = request.getServerName();
        response.setHeader("Cache-Control", "no-cache, no-store");
        VerifiedToken token;
        try {
            Optional<String> presented = CredentialFilter.tokenFromHeader(request.getHeader("Authorization"));
            if (presented.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
                error(response, 401, "not_authenticated", "Authentication required");
                return;
            }
            token = verify(presented.get(), request, response);
        } catch (RuntimeException e) {
            if (!(e instanceof InvalidTokenException)) {
                // never the container's HTML page, nor an incident report holding the request's headers
                LOG.log(Level.SEVERE, "Ingress check failed: " + e.getClass().getName());
                error(response, 503, "unavailable", "The token service cannot check tokens right now");
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm
                    + "\", error=\"invalid_token\", error_description=\"Token is not valid\"");
            error(response, 401, "invalid_token", e.getMessage());
            return;
        }
        boolean allowed = satisfy.equals("any")
                ? scopes.stream().anyMatch(token::hasScope) : scopes.stream().allMatch(token::hasScope);
        if (!allowed) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\", error=\"insufficient_scope\", "
                    + "error_description=\"Token missing required scope\", scope=\""
                    + String.join(" ", new TreeSet<>(scopes)) + "\"");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setHeader("X-Auth-Request-User", token.username());
        response.setHeader("X-Auth-Request-Scopes", String.join(" ", token.scopes()));
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /** A gt- token through the verification cache; a JWT through the container's MicroProfile JWT. */
    private VerifiedToken verify(String presented, HttpServletRequest request, HttpServletResponse response) {
        if (!CredentialFilter.isJwt(presented)) {
            return verifier.verify(presented);
        }
        try {
            if (!(request.getUserPrincipal() instanceof JsonWebToken) && !request.authenticate(response)) {
                throw new InvalidTokenException("Token is not valid");
            }
        } catch (IOException | ServletException e) {
            throw new InvalidTokenException("Token is not valid");
        }
        if (!(request.getUserPrincipal() instanceof JsonWebToken jwt)) {
            throw new InvalidTokenException("Token is not valid");
        }
        return exchange.callerOf(jwt);
    }

    /** The API's error body; the messages are fixed texts, never echoes of the request. */
    private static void error(HttpServletResponse response, int status, String type, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().print("{\"detail\":[{\"loc\":[],\"msg\":\"" + message + "\",\"type\":\"" + type + "\"}]}");
    }
}
