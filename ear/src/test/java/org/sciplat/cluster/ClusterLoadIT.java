package org.sciplat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.TestServer;

/**
 * A bounded load over loopback against both servers, as a load balancer would spread it: TOPCAT-style requests
 * with tokens created through either server, while more tokens are created; then both servers restart, and every
 * token created is still there and still works. Prints the verifications per second it measured.
 */
// only where the build started a second server: the cluster run, not the single-server suites
@EnabledIfSystemProperty(named = "it.second.base.url", matches = ".+")
class ClusterLoadIT {

    private static final String USER = "observer";
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final int CLIENTS = 6;
    private static final int FIRST_TOKENS = 60;
    private static final int MAX_CREATED_UNDER_LOAD = 400;

    private final List<TestServer.Instance> servers = List.of(TestServer.FIRST, TestServer.second());
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void noRequestFailsAndNoTokenIsLostAcrossARestartOfBothServers() throws Exception {
        Api.Session session = Api.login(USER, "observer-demo");
        List<String> tokens = new CopyOnWriteArrayList<>();
        for (int i = 0; i < FIRST_TOKENS; i++) {
            tokens.add(create(servers.get(i % 2), session));
        }

        AtomicLongArray verified = new AtomicLongArray(servers.size());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Instant start = Instant.now();
        Instant end = start.plus(LOAD);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNumber = c;
            running.add(pool.submit(() -> {
                long n = clientNumber;
                while (Instant.now().isBefore(end)) {
                    int server = (int) (n % 2);
                    String token = tokens.get((int) (n % tokens.size()));
                    String outcome = verify(servers.get(server), token);
                    if (outcome == null) {
                        verified.incrementAndGet(server);
                    } else {
                        failures.add(outcome);
                    }
                    n += CLIENTS;
                }
            }));
        }
        running.add(pool.submit(() -> {
            int created = 0;
            while (Instant.now().isBefore(end) && created < MAX_CREATED_UNDER_LOAD) {
                try {
                    tokens.add(create(servers.get(created % 2), session));
                } catch (RuntimeException | AssertionError e) {
                    failures.add("creation: " + e.getMessage());
                }
                created++;
            }
        }));
        for (Future<?> task : running) {
            task.get();
        }
        pool.shutdown();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

        long total = verified.get(0) + verified.get(1);
        System.out.print(String.format(Locale.ROOT, "%nCluster load run: two servers on one PostgreSQL, %d clients, "
                + "%.1f s%n  verifications: %,d (%,.0f per second; server A %,d, server B %,d)%n"
                + "  tokens created during the run: %d%n  failed requests: %d%n",
                CLIENTS, seconds, total, total / seconds, verified.get(0), verified.get(1),
                tokens.size() - FIRST_TOKENS, failures.size()));
        assertTrue(failures.isEmpty(), failures.size() + " failed requests, e.g. " + failures.peek());
        assertTrue(verified.get(0) > 0 && verified.get(1) > 0, "both servers took load");

        for (TestServer.Instance server : servers) {
            server.stop();
        }
        // both at once, as an operator restarting the cluster would
        CompletableFuture.allOf(servers.stream()
                .map(server -> CompletableFuture.runAsync(server::start))
                .toArray(CompletableFuture[]::new)).get();

        Set<String> listed = listedKeys(session);
        List<String> lost = tokens.stream().filter(token -> !listed.contains(Api.key(token))).toList();
        assertEquals(List.of(), lost, "tokens created before the restart, missing after it");
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(null, verify(servers.get(i % 2), tokens.get(i)), "a token created before the restart");
        }
        for (int i = 0; i < tokens.size(); i++) {
            revoke(servers.get(i % 2), session, Api.key(tokens.get(i)));
        }
    }

    /** Null when the server let the token in; otherwise what went wrong. */
    private String verify(TestServer.Instance server, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/tap/tables?detail=min"))
                .header("Authorization", Api.basic("x-oauth-basic", token))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? null : server.baseUrl() + " answered " + response.statusCode();
        } catch (IOException e) {
            return server.baseUrl() + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String create(TestServer.Instance server, Api.Session session) {
        HttpResponse<String> response = send(server, session, "POST", "/users/" + USER + "/tokens",
                Api.tokenRequest("load-" + System.nanoTime(), List.of("read:tap"), null));
        assertEquals(201, response.statusCode(), server.baseUrl() + ": " + response.body());
        return Api.remember(Json.object(response.body()).getString("token"));
    }

    private Set<String> listedKeys(Api.Session session) {
        HttpResponse<String> response = send(servers.get(1), session, "GET", "/users/" + USER + "/tokens", null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.array(response.body()).stream()
                .map(JsonValue::asJsonObject)
                .map(token -> token.getString("token"))
                .collect(Collectors.toSet());
    }

    private void revoke(TestServer.Instance server, Api.Session session, String key) {
        HttpResponse<String> response = send(server, session, "DELETE", "/users/" + USER + "/tokens/" + key, null);
        assertEquals(204, response.statusCode(), response.body());
    }

    private HttpResponse<String> send(TestServer.Instance server, Api.Session session, String method, String path,
            String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/auth/api/v1" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrf());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return TestServer.send(request.build());
    }
}
