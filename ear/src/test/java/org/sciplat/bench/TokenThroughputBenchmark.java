package org.sciplat.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.TestServer;

/**
 * Token verifications per second answered from the verification cache and from the database, their ratio, and
 * token creations per second, measured over loopback HTTP against the server the build started.
 *
 * <p>A verification from the database is a token's first use, so besides the read it stamps {@code last_used}:
 * what the first request with a new token costs. A verification from the cache writes nothing (the stamp is at most
 * once a minute per token), and every creation is verified from the cache.
 *
 * <p>Not a test: only {@code mvn verify -Pbenchmark} runs it. It fails only when the server answers anything but
 * success, because a rate measured on errors would mean nothing. Warm-up rounds of every phase, each as long as
 * the measured one, run first: the JITs of both JVMs then compile each path having seen all of them, as on a server
 * with mixed traffic, rather than while a phase is being measured.
 */
class TokenThroughputBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int CACHED_REQUESTS = Integer.getInteger("bench.cached.requests", 40_000);
    private static final int DATABASE_REQUESTS = Integer.getInteger("bench.database.requests", 6_000);
    private static final int CREATIONS = Integer.getInteger("bench.creations", 3_000);
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up.rounds", 2);
    // more than one, so the threads do not all read one cache entry; few, so every entry stays hot
    private static final int CACHED_TOKENS = 4;
    private static final ObjIntConsumer<String> IGNORE_BODY = (body, i) -> { };
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final HttpClient client = HttpClient.newBuilder()
            // plain http is HTTP/1.1 here: offering an h2c upgrade on every new connection would only cost headers
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String bootstrapToken = System.getProperty("it.bootstrap.token");
    // a user of this run alone: the database outlives runs, and token names are unique per user
    private final String user = "bench-" + Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);

    @Test
    void measure() throws InterruptedException {
        double loadBefore = OS.getSystemLoadAverage();
        // each presented exactly once, in one round; all created first, so the database phase times verification alone
        String[] unseen = createTokens("unseen", (WARM_UP_ROUNDS + 1) * DATABASE_REQUESTS, "[\"read:tap\"]");
        String[] cached = createTokens("cached", CACHED_TOKENS, "[\"read:tap\"]");
        String owner = createTokens("owner", 1, "[\"read:tap\",\"user:token\"]")[0];
        run(0, CACHED_TOKENS, i -> Requests.ingressCheck(cached[i]), 200, IGNORE_BODY);

        IntFunction<HttpRequest> fromCache = i -> Requests.ingressCheck(cached[i % CACHED_TOKENS]);
        IntFunction<HttpRequest> fromDatabase = i -> Requests.ingressCheck(unseen[i]);
        IntFunction<HttpRequest> creation = i -> Requests.post("/auth/api/v1/users/" + user + "/tokens", owner,
                "{\"token_name\":\"created-" + i + "\",\"scopes\":[\"read:tap\"]}");
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            run(round * CACHED_REQUESTS, CACHED_REQUESTS, fromCache, 200, IGNORE_BODY);
            run(round * DATABASE_REQUESTS, DATABASE_REQUESTS, fromDatabase, 200, IGNORE_BODY);
            run(round * CREATIONS, CREATIONS, creation, 201, IGNORE_BODY);
        }
        Round cacheRound = run(WARM_UP_ROUNDS * CACHED_REQUESTS, CACHED_REQUESTS, fromCache, 200, IGNORE_BODY);
        Round databaseRound =
                run(WARM_UP_ROUNDS * DATABASE_REQUESTS, DATABASE_REQUESTS, fromDatabase, 200, IGNORE_BODY);
        Round creationRound = run(WARM_UP_ROUNDS * CREATIONS, CREATIONS, creation, 201, IGNORE_BODY);

        report(cacheRound, databaseRound, creationRound, loadBefore, OS.getSystemLoadAverage());
    }

    private String[] createTokens(String name, int count, String scopes) throws InterruptedException {
        String[] tokens = new String[count];
        run(0, count, i -> Requests.post("/auth/api/v1/tokens", bootstrapToken, "{\"username\":\"" + user
                + "\",\"token_type\":\"user\",\"token_name\":\"" + name + "-" + i + "\",\"scopes\":" + scopes + "}"),
                201, (body, i) -> tokens[i] = Json.object(body).getString("token"));
        return tokens;
    }

    /**
     * Sends requests {@code first} to {@code first + count - 1} from {@link #THREADS} threads, each sending its next
     * as soon as its last is answered, and hands each body with its index to {@code body}.
     */
    private Round run(int first, int count, IntFunction<HttpRequest> request, int status,
            ObjIntConsumer<String> body) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                HttpRequest sent = request.apply(first + i);
                long start = System.nanoTime();
                HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
                latencies[i] = System.nanoTime() - start;
                if (response.statusCode() != status) {
                    throw new IllegalStateException(sent.method() + " " + sent.uri() + " answered "
                            + response.statusCode() + " instead of " + status + ": " + response.body());
                }
                body.accept(response.body(), first + i);
            }
            return null;
        };
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            long cpuBefore = OS.getProcessCpuTime();
            long start = System.nanoTime();
            List<Future<Void>> done = threads.invokeAll(Collections.nCopies(THREADS, worker));
            long elapsed = System.nanoTime() - start;
            long clientCpu = OS.getProcessCpuTime() - cpuBefore;
            for (Future<Void> thread : done) {
                thread.get();
            }
            return new Round(count, elapsed, clientCpu, latencies);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdown();
        }
    }

    private static void report(Round cache, Round database, Round creation, double loadBefore, double loadAfter) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.print(String.format(Locale.ROOT, "%n"
                        + "Token benchmark against %s over loopback: client and server share this machine "
                        + "(%d cores, %s %s, Java %s; 1-minute load average %.1f before, %.1f after)%n"
                        + "%d client threads (java.net.http, HTTP/1.1), each with one request in flight; warm-up "
                        + "first: %d round(s) of all three phases, each as long as the measured round%n"
                        + "%-45s %8s %8s %10s %8s %8s %11s%n",
                TestServer.BASE_URL, cores, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), loadBefore, loadAfter, THREADS, WARM_UP_ROUNDS,
                "", "requests", "seconds", "requests/s", "p50 ms", "p99 ms", "client CPU")
                + cache.row("(a) verification from the cache (" + CACHED_TOKENS + " tokens)", cores)
                + database.row("(b) verification needing a database look-up", cores)
                + creation.row("(d) token creation, POST users/{user}/tokens", cores)
                + String.format(Locale.ROOT, "(c) cache/database ratio: %.2f%n"
                        + "client CPU: what this benchmark's own JVM used, as a share of all %d cores%n",
                        cache.perSecond() / database.perSecond(), cores));
    }

    /** One round of one phase; client CPU is what this JVM spent meanwhile, and was not there for the server. */
    private record Round(int requests, long nanos, long clientCpuNanos, long[] latencies) {

        double perSecond() {
            return requests / (nanos / 1e9);
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(int p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }

        String row(String name, int cores) {
            return String.format(Locale.ROOT, "%-45s %8d %8.2f %10.1f %8.2f %8.2f %10.0f%%%n", name, requests,
                    nanos / 1e9, perSecond(), percentile(50), percentile(99),
                    100.0 * clientCpuNanos / ((double) nanos * cores));
        }
    }
}
