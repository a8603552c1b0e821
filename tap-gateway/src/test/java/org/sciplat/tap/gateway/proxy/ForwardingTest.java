package org.sciplat.tap.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proxy mode against a real HTTP server standing in for the upstream TAP service. */
class ForwardingTest {

    private static final String TOKEN = "gt-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
    private static final URI GATEWAY = URI.create("https://platform.example/api/tap");

    private HttpServer upstream;
    private final AtomicReference<Headers> received = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final AtomicReference<String> receivedUri = new AtomicReference<>();
    private Forwarding forwarding;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/tap", exchange -> {
            received.set(exchange.getRequestHeaders());
            receivedUri.set(exchange.getRequestURI().toString());
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/tap";
            if (exchange.getRequestURI().getPath().equals("/tap/async")) {
                exchange.getResponseHeaders().add("Location", base + "/async/job1");
                exchange.getResponseHeaders().add("Set-Cookie", "upstream=1");
                exchange.sendResponseHeaders(303, -1);
                exchange.close();
                return;
            }
            byte[] body = "x".repeat(1_000_000).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-votable+xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        forwarding = new Forwarding(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/tap/"),
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void theUpstreamGetsTheJwtAndTheUserButNeverTheClientsCredentials() throws Exception {
        String form = "LANG=ADQL&QUERY=SELECT+1";
        Forwarding.Incoming incoming = new Forwarding.Incoming("POST", "/sync", "RUNID=7",
                Map.of("Authorization", List.of("Basic " + TOKEN), "Cookie", List.of("sciplat_session=" + TOKEN),
                        Forwarding.USER_HEADER, List.of("admin"), "X-Forwarded-For", List.of("10.0.0.1"),
                        "X-Auth-Request-Email", List.of("admin@example.org"), "Content-Type",
                        List.of("application/x-www-form-urlencoded"), "Host", List.of("gateway.example")),
                new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)), form.length(), "192.0.2.7", GATEWAY);

        HttpResponse<InputStream> response = forwarding.send(incoming,
                Optional.of(new Forwarding.Identity("astronomer", "eyJ.jwt.sig")));

        assertEquals(200, response.statusCode());
        assertEquals(1_000_000, response.body().readAllBytes().length, "the whole body came back");
        Headers headers = received.get();
        assertEquals(List.of("Bearer eyJ.jwt.sig"), headers.get("Authorization"));
        assertEquals(List.of("astronomer"), headers.get(Forwarding.USER_HEADER));
        assertNull(headers.get("Cookie"));
        assertEquals(List.of("192.0.2.7"), headers.get("X-forwarded-for"), "the client cannot choose its address");
        assertNull(headers.get("X-auth-request-email"), "nor any identity header");
        assertEquals(List.of("platform.example"), headers.get("X-forwarded-host"));
        assertEquals(List.of("/api/tap"), headers.get("X-forwarded-prefix"));
        assertEquals("/tap/sync?RUNID=7", receivedUri.get());
        assertEquals(form, receivedBody.get());
    }

    @Test
    void anAnonymousRequestCarriesNoIdentityAtAll() throws Exception {
        Forwarding.Incoming incoming = new Forwarding.Incoming("GET", "/capabilities", null,
                Map.of("Authorization", List.of("Bearer " + TOKEN), Forwarding.USER_HEADER, List.of("admin")),
                InputStream.nullInputStream(), 0, "192.0.2.7", GATEWAY);

        forwarding.send(incoming, Optional.empty()).body().close();

        assertNull(received.get().get("Authorization"));
        assertNull(received.get().get(Forwarding.USER_HEADER));
    }

    @Test
    void aRedirectIntoTheUpstreamPointsBehindTheGateway() throws Exception {
        Forwarding.Incoming incoming = new Forwarding.Incoming("POST", "/async", null, Map.of(),
                InputStream.nullInputStream(), 0, "192.0.2.7", GATEWAY);

        HttpResponse<InputStream> response = forwarding.send(incoming, Optional.empty());
        Map<String, List<String>> headers = forwarding.returnedHeaders(response, "https://platform.example/api/tap");

        assertEquals(303, response.statusCode());
        assertEquals(List.of("https://platform.example/api/tap/async/job1"), headers.get("location"));
        assertFalse(headers.containsKey("set-cookie"), "the upstream's cookies stay with the gateway");
        Map<String, List<String>> elsewhere = forwarding.returnedHeaders(response, "https://gw");
        assertEquals(List.of("https://gw/async/job1"), elsewhere.get("location"));
    }
}
