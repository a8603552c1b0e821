package org.sciplat.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Open Liberty server the build started for the integration tests, running the packaged EAR; for the cluster
 * tests also a second one on the same database.
 */
public final class TestServer {

    public static final String BASE_URL = System.getProperty("it.base.url", "http://localhost:9081");
    public static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "../target/liberty/wlp/usr/servers/itServer"));
    public static final Instance FIRST = new Instance(BASE_URL, SERVER_DIR);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    /** How long the build's background start of a server (ear/pom.xml) may take before its first test gives up. */
    private static final Duration BACKGROUND_START = Duration.ofMinutes(3);

    static {
        FIRST.awaitReady(BACKGROUND_START);
    }

    private TestServer() {
    }

    /** The second server sharing the first one's database, where the build started one (it.second.*). */
    public static Instance second() {
        String baseUrl = System.getProperty("it.second.base.url");
        if (baseUrl == null) {
            throw new IllegalStateException("The build started no second server (it.second.base.url)");
        }
        Instance second = new Instance(baseUrl, Path.of(System.getProperty("it.second.server.dir")));
        second.awaitReady(BACKGROUND_START);
        return second;
    }

    public static HttpResponse<String> get(String path, String... headers) {
        return FIRST.get(path, headers);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to the test server failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void stop() {
        FIRST.stop();
    }

    /** Starts the server and returns once it reports ready, as a load balancer would wait for it. */
    public static void start() {
        FIRST.start();
    }

    public static void awaitReady(Duration timeout) {
        FIRST.awaitReady(timeout);
    }

    /** One server: where it answers, and its directory (logs, configuration, the script that stops it). */
    public record Instance(String baseUrl, Path serverDir) {

        public HttpResponse<String> get(String path, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return send(request.build());
        }

        public void stop() {
            server("stop");
        }

        /** Starts the server and returns once it reports ready, as a load balancer would wait for it. */
        public void start() {
            server("start");
            awaitReady(Duration.ofMinutes(3));
        }

        /**
         * Starts the server with Liberty's caches deleted (`server start --clean`), returning once the process runs,
         * for a caller that measures the rest of the start itself.
         */
        public void startClean() {
            server("start", "--clean");
        }

        /** The running server's process, as Liberty recorded it at its start. */
        public long pid() {
            Path file = serverDir.getParent().resolve(".pid").resolve(serverDir.getFileName() + ".pid");
            try {
                return Long.parseLong(Files.readString(file).trim());
            } catch (IOException e) {
                throw new IllegalStateException("No process id of " + serverDir.getFileName() + " at " + file, e);
            }
        }

        public void awaitReady(Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                try {
                    HttpResponse<String> ready = CLIENT.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(Duration.ofMillis(500));
            }
            throw new IllegalStateException("The test server at " + baseUrl + " was not ready within " + timeout);
        }

        private void server(String action, String... options) {
            Path wlp = serverDir.getParent().getParent().getParent();
            Path script = wlp.resolve("bin/server");
            if (!Files.isExecutable(script)) {
                throw new IllegalStateException("No Liberty runtime at " + wlp);
            }
            try {
                List<String> command = new ArrayList<>(List.of(script.toString(), action,
                        serverDir.getFileName().toString()));
                command.addAll(List.of(options));
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("server " + action + " " + serverDir.getFileName() + " failed");
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot run " + script, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
