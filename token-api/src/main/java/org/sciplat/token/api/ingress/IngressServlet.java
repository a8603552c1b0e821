package org.sciplat.token.api.ingress;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sciplat.token.core.auth.ClientAddress;
import org.sciplat.token.api.auth.ContainerJwt;
import org.sciplat.token.api.auth.CredentialFilter;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.Credentials;
import org.sciplat.token.core.ingress.IngressAnswer;
import org.sciplat.token.core.ingress.IngressCall;
import org.sciplat.token.core.ingress.IngressGate;
import org.sciplat.token.core.ingress.IngressRequest;

/**
 * The anchor token service's {@code /ingress/auth} and {@code /ingress/anonymous}, at {@code /auth/ingress/...}:
 * what an NGINX {@code auth_request} (or any reverse proxy) asks before forwarding a request to a service it
 * protects. token-core's {@link IngressGate} decides; this servlet reads the request and writes the answer, with a
 * refusal's real status and body also in {@code X-Error-Status} and {@code X-Error-Body}, since NGINX passes only
 * 401 and 403 of an auth request on and a configuration snippet turns these back into the answer (README, "Behind
 * NGINX"). Every method runs the check: NGINX's auth request keeps the method of the request it is about.
 */
@WebServlet(name = "IngressCheck", urlPatterns = {"/ingress/auth", "/ingress/anonymous"})
public class IngressServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Where NGINX's configuration (deploy/nginx) names the method of the request it asks about. */
    private static final String ORIGINAL_METHOD = "X-Original-Method";

    @Inject
    IngressGate gate;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-cache, no-store");
        IngressCall call = call(request, response);
        IngressAnswer answer;
        try {
            answer = request.getServletPath().endsWith("/anonymous") ? gate.anonymous(call)
                    : gate.check(IngressRequest.parse(request.getParameterMap()), call);
        } catch (TokenServiceException e) {
            // a proxy configuration the check cannot follow: NGINX turns it into a 500, as it should
            answer = new IngressAnswer(e.status(), Map.of("X-Error-Status", Integer.toString(e.status())),
                    Optional.of(new IngressAnswer.Refused(e.type(), e.getMessage())));
        }
        answer.headers().forEach(response::setHeader);
        response.setStatus(answer.status());
        if (answer.refusal().isPresent()) {
            String body = Json.createObjectBuilder().add("detail", Json.createArrayBuilder().add(
                    Json.createObjectBuilder().add("loc", Json.createArrayBuilder())
                            .add("msg", answer.refusal().get().message())
                            .add("type", answer.refusal().get().type()))).build().toString();
            response.setHeader("X-Error-Body", body);
            response.setContentType("application/json");
            response.getWriter().print(body);
        }
    }

    private IngressCall call(HttpServletRequest request, HttpServletResponse response) {
        String peer = request.getRemoteAddr();
        Optional<String> session = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals(CredentialFilter.SESSION_COOKIE))
                .map(Cookie::getValue)
                .findFirst();
        Credentials credentials = Credentials.authorization(request.getHeaders("Authorization"))
                .withSessionCookie(session)
                .withContainerJwt(ContainerJwt.of(request, response));
        String method = Optional.ofNullable(request.getHeader(ORIGINAL_METHOD)).orElse(request.getMethod());
        boolean preflight = "OPTIONS".equalsIgnoreCase(method) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
        return new IngressCall(credentials, all(request, "Authorization"), all(request, "Cookie"),
                CredentialFilter.SESSION_COOKIE, clientAddress.isTrustedProxy(peer),
                clientAddress.of(peer, request.getHeader("X-Forwarded-For")), request.getServerName(), preflight);
    }

    private static List<String> all(HttpServletRequest request, String header) {
        return Optional.ofNullable(request.getHeaders(header)).<List<String>>map(Collections::list).orElse(List.of());
    }
}
