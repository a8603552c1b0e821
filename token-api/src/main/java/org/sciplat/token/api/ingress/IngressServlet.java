package org.sciplat.token.api.ingress;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.api.auth.ContainerJwt;
import org.sciplat.token.core.auth.AuthenticationResult;
import org.sciplat.token.core.auth.AuthenticationResult.Authenticated;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Missing;
import org.sciplat.token.core.auth.AuthenticationResult.Refusal;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.auth.Authenticator;
import org.sciplat.token.core.auth.Challenge;
import org.sciplat.token.core.auth.Credentials;
import org.sciplat.token.core.auth.Requirement;
import org.sciplat.token.core.notice.ExpiryWarning;

/**
 * The anchor token service's {@code /ingress/auth}, at {@code /auth/ingress/auth}: what an NGINX
 * {@code auth_request} (or any reverse proxy) asks before forwarding a request to a service it protects.
 * {@code scope} (repeatable) names the scopes required, all of them or, with {@code satisfy=any}, one.
 *
 * <p>200 with {@code X-Auth-Request-User} and {@code X-Auth-Request-Scopes} when the token passes; 401 with a
 * challenge without a valid token; 403 with {@code error="insufficient_scope"} when a scope is missing. A plain
 * servlet: it is on the path of every proxied request, and does nothing but ask the {@link Authenticator}.
 */
@WebServlet(name = "IngressCheck", urlPatterns = "/ingress/auth")
public class IngressServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Authenticator authenticator;

    @Inject
    ExpiryWarning expiryWarning;

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
        response.setHeader("Cache-Control", "no-cache, no-store");
        AuthenticationResult result = authenticator.authenticate(Where.INGRESS,
                Credentials.authorization(request.getHeaders("Authorization"))
                        .withContainerJwt(ContainerJwt.of(request, response)),
                satisfy.equals("any") ? Requirement.anyOf(scopes) : Requirement.allOf(scopes));
        if (result instanceof Authenticated caller) {
            response.setHeader("X-Auth-Request-User", caller.token().username());
            response.setHeader("X-Auth-Request-Scopes", String.join(" ", caller.token().scopes()));
            // for the proxy to pass on (auth_request_set), as the API's own answers carry it
            expiryWarning.headerFor(caller.token(), Instant.now())
                    .ifPresent(warning -> response.setHeader(ExpiryWarning.HEADER, warning));
            response.setStatus(HttpServletResponse.SC_OK);
        } else if (result instanceof Refusal refusal) {
            response.setHeader("WWW-Authenticate", new Challenge(request.getServerName()).bearer(refusal));
            if (refusal instanceof Missing) {
                error(response, 401, "not_authenticated", "Authentication required");
            } else if (refusal instanceof Invalid invalid) {
                error(response, 401, "invalid_token", invalid.reason());
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
        } else {
            error(response, 503, "unavailable", "The token service cannot check tokens right now");
        }
    }

    /** The API's error body; the messages are fixed texts, never echoes of the request. */
    private static void error(HttpServletResponse response, int status, String type, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().print("{\"detail\":[{\"loc\":[],\"msg\":\"" + message + "\",\"type\":\"" + type + "\"}]}");
    }
}
