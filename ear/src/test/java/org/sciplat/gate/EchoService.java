package org.sciplat.gate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service behind the gate in the tests: it answers every request with what it received (method, path, and
 * every header, names in lower case), so a test sees exactly what the proxy passed on. Loopback only.
 */
public final class EchoService implements AutoCloseable {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final HttpServer server;
    private final ExecutorService threads;

    private EchoService(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static EchoService start(int port, int threadCount) {
        // the JDK's server writes the headers and the body apart: without TCP_NODELAY each answer waits out
        // nginx's delayed ACK (about 40 ms), which would make the service, not the gate, the bottleneck
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
            ExecutorService threads = Executors.newFixedThreadPool(threadCount);
            server.setExecutor(threads);
            server.createContext("/", EchoService::echo);
            server.start();
            return new EchoService(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + port, e);
        }
    }

    private static void echo(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> received = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                received.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .addAll(values));
        JsonObjectBuilder headers = JSON.createObjectBuilder();
        received.forEach((name, values) -> {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(array::add);
            headers.add(name, array);
        });
        byte[] body = JSON.createObjectBuilder()
                .add("method", exchange.getRequestMethod())
                .add("path", exchange.getRequestURI().getPath())
                .add("headers", headers)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
