package org.sciplat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/**
 * A first start as a new user makes it, and the memory a server keeps: the test server is stopped, its database and
 * Liberty's caches deleted, and started again; the benchmark measures how long it takes to answer
 * {@code /health/ready} with UP, how much longer until the TAP service publishes its demo table (1,000,000 rows in
 * the benchmark profile), the server's resident memory meanwhile and after, then again after a mixed load of token
 * verifications, creations and TAP cone queries ({@code bench.load.duration}, five minutes by default). Each figure
 * is printed with its target and the ratio between them.
 *
 * <p>Not a test: only {@code mvn verify -Pbenchmark} runs it. It fails only when the server does not come up or
 * answers a request of the load with anything but success.
 */
class StartupBenchmark {

    private static final Duration LOAD = Duration.parse(System.getProperty("bench.load.duration", "PT5M"));
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Duration READY_TARGET = Duration.ofSeconds(30);
    private static final Duration PUBLISHED_TARGET = Duration.ofSeconds(20);
    private static final long RSS_TARGET_KB = 600 * 1024;
    private static final Duration POLL = Duration.ofMillis(100);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String bootstrapToken = System.getProperty("it.bootstrap.token");
    private final String user = "startup-" + Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);

    @Test
    void measure() throws Exception {
        // the server the build started may still be writing its own demo table: that must not overlap the start
        TapService.awaitAvailable();
        TestServer.stop();
        deleteTree(TestServer.SERVER_DIR.resolve("databases"));

        long started = System.nanoTime();
        TestServer.FIRST.startClean();
        long pid = TestServer.FIRST.pid();
        ResidentMemory memory = new ResidentMemory(pid);
        await(memory, () -> answers("/health/ready", 200, "\"UP\""), Duration.ofMinutes(3));
        long ready = System.nanoTime();
        await(memory, () -> answers("/api/tap/availability", 200, "<vosi:available>true<"), Duration.ofMinutes(5));
        long published = System.nanoTime();
        long peakDuringStart = memory.peakKb();
        long afterStart = memory.sampleKb();

        ResidentMemory loaded = new ResidentMemory(pid);
        Load load = load(loaded);
        long afterLoad = loaded.sampleKb();

        Duration toReady = Duration.ofNanos(ready - started);
        Duration toPublished = Duration.ofNanos(published - ready);
        System.out.print(String.format(Locale.ROOT, "%n"
                        + "First start of %s (database and Liberty's caches deleted, runtime unpacked), %d cores, "
                        + "Java %s%n"
                        + "%-52s %12s %12s %8s%n"
                        + "%-52s %10.1f s %10d s %8.2f%n"
                        + "%-52s %10.1f s %10d s %8.2f%n"
                        + "%-52s %9d MB %9d MB %8.2f%n"
                        + "%-52s %9d MB %9d MB %8.2f%n"
                        + "%-52s %9d MB %9d MB %8.2f%n"
                        + "%-52s %9d MB %9d MB %8.2f%n"
                        + "load: %d threads for %s: %,d ingress checks, %,d token creations, %,d TAP cone queries "
                        + "(%,d rows each), none failed%n",
                TestServer.BASE_URL, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                "", "measured", "target", "ratio",
                "start to /health/ready UP", seconds(toReady), READY_TARGET.toSeconds(),
                ratio(toReady.toMillis(), READY_TARGET.toMillis()),
                "then to the demo table published", seconds(toPublished), PUBLISHED_TARGET.toSeconds(),
                ratio(toPublished.toMillis(), PUBLISHED_TARGET.toMillis()),
                "resident memory, peak during the first start", mb(peakDuringStart), mb(RSS_TARGET_KB),
                ratio(peakDuringStart, RSS_TARGET_KB),
                "resident memory after the first start", mb(afterStart), mb(RSS_TARGET_KB),
                ratio(afterStart, RSS_TARGET_KB),
                "resident memory, peak during the load", mb(loaded.peakKb()), mb(RSS_TARGET_KB),
                ratio(loaded.peakKb(), RSS_TARGET_KB),
                "resident memory after the load", mb(afterLoad), mb(RSS_TARGET_KB), ratio(afterLoad, RSS_TARGET_KB),
                THREADS, LOAD, load.checks.get(), load.creations.get(), load.queries.get(), load.coneRows));
    }

    /** Mixed traffic from {@link #THREADS} threads until {@link #LOAD} has passed, sampling memory each second. */
    private Load load(ResidentMemory memory) throws Exception {
        String token = Json.object(send(Requests.post("/auth/api/v1/tokens", bootstrapToken,
                "{\"username\":\"" + user + "\",\"token_type\":\"user\",\"token_name\":\"load\","
                        + "\"scopes\":[\"read:tap\",\"user:token\"]}"), 201))
                .getString("token");
        Load load = new Load(send(cone(token), 200).split("<TR>", -1).length - 1);
        long end = System.nanoTime() + LOAD.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> workers = Stream.generate(() -> threads.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    send(Requests.ingressCheck(token), 200);
                    load.checks.incrementAndGet();
                    if (i % 10 == 0) {
                        send(Requests.post("/auth/api/v1/users/" + user + "/tokens", token, "{\"token_name\":\"load-"
                                + load.creations.incrementAndGet() + "\",\"scopes\":[\"read:tap\"]}"), 201);
                    }
                    if (i % 20 == 0) {
                        send(cone(token), 200);
                        load.queries.incrementAndGet();
                    }
                }
                return (Void) null;
            })).limit(THREADS).toList();
            while (System.nanoTime() < end) {
                memory.sampleKb();
                TimeUnit.SECONDS.sleep(1);
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return load;
    }

    private HttpRequest cone(String token) {
        return HttpRequest.newBuilder(URI.create(TapService.URL + "/sync"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("LANG=ADQL&QUERY="
                        + URLEncoder.encode(TapService.CONE, StandardCharsets.UTF_8)))
                .build();
    }

    private String send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        return response.body();
    }

    private boolean answers(String path, int status, String bodyPart) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path)).timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == status && response.body().contains(bodyPart);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(ResidentMemory memory, BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            memory.sampleKb();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The server did not get there within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static long mb(long kb) {
        return Math.round(kb / 1024.0);
    }

    private static double ratio(long measured, long target) {
        return (double) measured / target;
    }

    /** The server process's resident set, from /proc, and the most it has been at any sample. */
    private static final class ResidentMemory {

        private final Path status;
        private final AtomicLong peak = new AtomicLong();

        ResidentMemory(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
        }

        long sampleKb() {
            try (Stream<String> lines = Files.lines(status)) {
                long kb = lines.filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                        .findFirst()
                        .orElseThrow();
                peak.accumulateAndGet(kb, Math::max);
                return kb;
            } catch (IOException e) {
                throw new IllegalStateException("The server process is gone: " + status, e);
            }
        }

        long peakKb() {
            return peak.get();
        }
    }

    /** What the load did; the cone's row count is what every one of its queries returned. */
    private static final class Load {

        final AtomicLong checks = new AtomicLong();
        final AtomicLong creations = new AtomicLong();
        final AtomicLong queries = new AtomicLong();
        final long coneRows;

        Load(long coneRows) {
            this.coneRows = coneRows;
        }
    }
}
