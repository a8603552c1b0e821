package org.sciplat.token.api.ingress;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sciplat.token.api.auth.CallerVerifier;
import org.sciplat.token.api.error.Challenges;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.token.AuthorizationHeader;
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
    CallerVerifier callers;

    @Inject
    Authentications authentications;

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
            Optional<String> presented = AuthorizationHeader.token(request.getHeader("Authorization"));
            if (presented.isEmpty()) {
                authentications.record(Where.INGRESS, Result.MISSING);
                response.setHeader("WWW-Authenticate", Challenges.bearer(realm));
                error(response, 401, "not_authenticated", "Authentication required");
                return;
            }
            token = callers.verify(presented.get(), request, response);
        } catch (RuntimeException e) {
            if (!(e instanceof InvalidTokenException)) {
                // never the container's HTML page, nor an incident report holding the request's headers
                LOG.log(Level.SEVERE, "Ingress check failed: " + e.getClass().getName());
                authentications.record(Where.INGRESS, Result.UNAVAILABLE);
                error(response, 503, "unavailable", "The token service cannot check tokens right now");
                return;
            }
            authentications.record(Where.INGRESS, Result.INVALID_TOKEN);
            response.setHeader("WWW-Authenticate", Challenges.invalidToken(realm));
            error(response, 401, "invalid_token", e.getMessage());
            return;
        }
        boolean allowed = satisfy.equals("any")
                ? scopes.stream().anyMatch(token::hasScope) : scopes.stream().allMatch(token::hasScope);
        if (!allowed) {
            authentications.record(Where.INGRESS, Result.INSUFFICIENT_SCOPE);
            response.setHeader("WWW-Authenticate", Challenges.insufficientScope(realm, scopes));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        authentications.record(Where.INGRESS, Result.SUCCESS);
        response.setHeader("X-Auth-Request-User", token.username());
        response.setHeader("X-Auth-Request-Scopes", String.join(" ", token.scopes()));
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /** The API's error body; the messages are fixed texts, never echoes of the request. */
    private static void error(HttpServletResponse response, int status, String type, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().print("{\"detail\":[{\"loc\":[],\"msg\":\"" + message + "\",\"type\":\"" + type + "\"}]}");
    }
}
