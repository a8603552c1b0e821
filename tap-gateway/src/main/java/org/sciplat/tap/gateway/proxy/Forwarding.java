package org.sciplat.tap.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request passed on to the upstream TAP service and its answer passed back, both bodies streamed. The
 * client's credentials and identity headers never reach the upstream: it gets the user's JWT as a Bearer token
 * and the user's name in X-Auth-Request-User instead, or neither for an anonymous request to a public resource.
 */
public final class Forwarding {

    public static final String USER_HEADER = "X-Auth-Request-User";
    /**
     * Hop-by-hop headers (RFC 9110 section 7.6.1), those java.net.http sets itself, the client's credentials, and
     * every header by which an upstream learns who and where the client is: those are the gateway's to set.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "authorization", "cookie", "forwarded", "x-real-ip");
    private static final List<String> NOT_FORWARDED_PREFIXES = List.of("x-forwarded-", "x-auth-request-");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "set-cookie");

    /** The user a request is forwarded for, with the JWT that speaks for them upstream. */
    public record Identity(String username, String jwt) {

        /** Leaves out the JWT, a bearer credential. */
        @Override
        public String toString() {
            return "Identity[" + username + "]";
        }
    }

    /**
     * A client's request as received: the path below the gateway and the query string (both as sent, still
     * percent-encoded), headers, body, and where the client and the gateway are (for the X-Forwarded headers).
     */
    public record Incoming(String method, String path, String query, Map<String, List<String>> headers,
            InputStream body, long contentLength, String clientAddress, URI gatewayBase) {
    }

    private final URI upstream;
    private final HttpClient client;
    private final Duration timeout;

    public Forwarding(URI upstream, Duration timeout) {
        String base = upstream.toString();
        this.upstream = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI upstream() {
        return upstream;
    }

    /** Sends the request upstream; the answer's body is still to be read. */
    public HttpResponse<InputStream> send(Incoming incoming, Optional<Identity> identity)
            throws IOException, InterruptedException {
        URI target = URI.create(upstream + incoming.path() + (incoming.query() == null ? "" : "?" + incoming.query()));
        HttpRequest.BodyPublisher body = incoming.contentLength() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : incoming.contentLength() > 0
                        ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                                incoming::body), incoming.contentLength())
                        : HttpRequest.BodyPublishers.ofInputStream(incoming::body);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(incoming.method(), body);
        incoming.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && NOT_FORWARDED_PREFIXES.stream().noneMatch(lower::startsWith)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        identity.ifPresent(user -> request.header("Authorization", "Bearer " + user.jwt())
                .header(USER_HEADER, user.username()));
        // so that the upstream can write the URLs in its documents (capabilities, job links) as the client sees them
        URI gateway = incoming.gatewayBase();
        request.header("X-Forwarded-For", incoming.clientAddress())
                .header("X-Forwarded-Proto", gateway.getScheme())
                .header("X-Forwarded-Host", gateway.getPort() < 0 ? gateway.getHost()
                        : gateway.getHost() + ":" + gateway.getPort())
                .header("X-Forwarded-Prefix", gateway.getRawPath());
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * The upstream answer's headers to give the client, by lower-case name: without hop-by-hop ones, and with a
     * Location that pointed into the upstream service pointing at the same place behind the gateway (UWS answers
     * 303 to its jobs).
     */
    public Map<String, List<String>> returnedHeaders(HttpResponse<?> response, String gatewayBase) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_RETURNED.contains(lower) || lower.startsWith(":")) {
                return;
            }
            headers.put(lower, lower.equals("location")
                    ? values.stream().map(v -> intoUpstream(v) ? gatewayBase + v.substring(upstream.toString()
                            .length()) : v).toList()
                    : values);
        });
        return headers;
    }

    /** A URL of the upstream service itself: its base, or below it (not merely a longer name). */
    private boolean intoUpstream(String url) {
        String base = upstream.toString();
        return url.startsWith(base)
                && (url.length() == base.length() || "/?#".indexOf(url.charAt(base.length())) >= 0);
    }
}
