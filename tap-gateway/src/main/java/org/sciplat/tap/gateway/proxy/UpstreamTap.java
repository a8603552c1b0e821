package org.sciplat.tap.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.tap.PlainText;
import org.sciplat.tap.ServiceUrl;
import org.sciplat.tap.TapMode;
import org.sciplat.token.core.jwt.IssuedJwt;
import org.sciplat.token.core.jwt.TokenExchange;
import org.sciplat.token.core.jwt.TokenExchangeRequest;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * The gateway's mode: embedded (the TAP service of this application answers) or proxy (sciplat.tap.mode=proxy:
 * every request is passed on to sciplat.tap.upstream-url, authenticated ones with a short-lived JWT for the user
 * from token-core's token exchange, scoped to read:tap, reused while more than a minute of it is left). The upstream
 * is told, by X-Forwarded-Proto, -Host and -Prefix, where the gateway is, so that the URLs it writes into its
 * documents (capabilities, UWS job links) lead back through the gateway.
 */
@ApplicationScoped
public class UpstreamTap {

    private static final Logger LOG = Logger.getLogger(UpstreamTap.class.getName());
    private static final Duration REISSUE_BEFORE = Duration.ofMinutes(1);
    private static final int MAX_CACHED_JWTS = 10_000;

    @Inject
    TapMode mode;

    @Inject
    @ConfigProperty(name = "sciplat.tap.upstream-url")
    Optional<URI> upstreamUrl;

    @Inject
    @ConfigProperty(name = "sciplat.tap.upstream-timeout", defaultValue = "PT1H")
    Duration timeout;

    @Inject
    TokenExchange exchange;

    private Forwarding forwarding;
    private final Map<String, IssuedJwt> jwts = new ConcurrentHashMap<>();

    @PostConstruct
    void configure() {
        if (mode.isProxy()) {
            forwarding = new Forwarding(upstreamUrl.orElseThrow(() -> new IllegalStateException(
                    "sciplat.tap.mode=proxy needs sciplat.tap.upstream-url, the base URL of the TAP service")), timeout);
        }
    }

    /** Created with the application, so that a proxy without an upstream URL stops the deployment, not a request. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
    }

    public boolean isProxy() {
        return forwarding != null;
    }

    /**
     * Passes the request on, for the caller of the presented token, or anonymously (public resources). With
     * {@code plain}, the upstream is asked for an unencoded body, which the gateway writes into as it passes (the
     * expiry INFO); a compressed one would go by unchanged.
     */
    public void forward(HttpServletRequest request, HttpServletResponse response, Optional<VerifiedToken> caller,
            String presented, boolean plain) throws IOException {
        Optional<Forwarding.Identity> identity = caller.map(token -> new Forwarding.Identity(token.username(),
                jwtFor(token, presented)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!plain || !name.equalsIgnoreCase("Accept-Encoding")) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        // the path as the client sent it, still encoded: decoding it would turn %3F into a query and %20 into a space
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String gateway = ServiceUrl.of(request);
        Forwarding.Incoming incoming = new Forwarding.Incoming(request.getMethod(), path, request.getQueryString(),
                headers, request.getInputStream(), request.getContentLengthLong(), request.getRemoteAddr(),
                URI.create(gateway));
        HttpResponse<InputStream> answer;
        try {
            answer = forwarding.send(incoming, identity);
        } catch (HttpTimeoutException e) {
            PlainText.send(response, HttpServletResponse.SC_GATEWAY_TIMEOUT, "The TAP service did not answer in time");
            return;
        } catch (ConnectException e) {
            LOG.warning(() -> "The upstream TAP service " + forwarding.upstream() + " is unreachable: " + e);
            PlainText.send(response, HttpServletResponse.SC_BAD_GATEWAY, "The TAP service is unreachable");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            PlainText.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The gateway is stopping");
            return;
        }
        response.setStatus(answer.statusCode());
        forwarding.returnedHeaders(answer, gateway)
                .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try (InputStream body = answer.body()) {
            body.transferTo(response.getOutputStream());
        }
    }

    private String jwtFor(VerifiedToken token, String presented) {
        Instant fresh = Instant.now().plus(REISSUE_BEFORE);
        IssuedJwt jwt = jwts.get(token.key());
        if (jwt == null || jwt.expires().isBefore(fresh)) {
            jwt = exchange.exchange(new TokenExchangeRequest(TokenExchange.GRANT_TYPE, presented,
                    TokenExchange.ACCESS_TOKEN_TYPE, TokenExchange.JWT_TOKEN_TYPE, "read:tap"));
            if (jwts.size() >= MAX_CACHED_JWTS) {
                jwts.values().removeIf(old -> old.expires().isBefore(fresh));
                if (jwts.size() >= MAX_CACHED_JWTS) {
                    jwts.clear();
                }
            }
            jwts.put(token.key(), jwt);
        }
        return jwt.token();
    }
}
