package org.sciplat.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's nginx, run by a test as a process of its own: its configuration, pid file, logs and temporary files in a
 * directory under target/, listening on loopback only, stopped by {@link #close()}. The repository's snippets
 * (deploy/nginx) are copied to its {@code snippets/}, where the deployed configuration includes them from.
 */
public final class Nginx implements AutoCloseable {

    /** The repository's nginx configuration, relative to the ear module the tests run in. */
    public static final Path DEPLOY_DIR = Path.of(System.getProperty("it.nginx.dir", "../deploy/nginx"));
    private static final int START_ATTEMPTS = 100;

    private final Process process;
    private final Path prefix;

    private Nginx(Process process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
    }

    /**
     * Starts nginx with this {@code http} block content (upstreams and servers), the repository's snippets and any
     * extra files for {@code snippets/}, and returns once it accepts connections on {@code port}.
     */
    public static Nginx start(Path prefix, int port, int workers, String http, Path... extraSnippets) {
        try {
            Path snippets = Files.createDirectories(prefix.resolve("conf/snippets"));
            Files.createDirectories(prefix.resolve("logs"));
            try (Stream<Path> files = Files.list(DEPLOY_DIR)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("sciplat-")).toList()) {
                    Files.copy(file, snippets.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Path file : extraSnippets) {
                Files.copy(file, snippets.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Path temp = Files.createDirectories(prefix.toAbsolutePath().resolve("temp"));
            Files.writeString(prefix.resolve("conf/nginx.conf"), """
                    worker_processes %d;
                    pid %s;
                    error_log %s warn;
                    events {
                        worker_connections 1024;
                    }
                    http {
                        access_log off;
                        client_body_temp_path %s/client_body;
                        proxy_temp_path %s/proxy;
                        fastcgi_temp_path %s/fastcgi;
                        uwsgi_temp_path %s/uwsgi;
                        scgi_temp_path %s/scgi;
                        # answers are small: nginx never needs to write one to a file
                        proxy_max_temp_file_size 0;
                    %s
                    }
                    """.formatted(workers, prefix.toAbsolutePath().resolve("nginx.pid"),
                    prefix.toAbsolutePath().resolve("logs/error.log"), temp, temp, temp, temp, temp, http));
            Process process = new ProcessBuilder("nginx", "-p", prefix.toAbsolutePath() + "/",
                    "-c", "conf/nginx.conf", "-e", "logs/error.log", "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/console.log").toFile())
                    .start();
            Nginx nginx = new Nginx(process, prefix);
            nginx.awaitListening(port);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start nginx in " + prefix, e);
        }
    }

    private void awaitListening(int port) {
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + ": " + log());
    }

    /** What nginx wrote to its error log, for a failure's message. */
    public String log() {
        try {
            StringBuilder text = new StringBuilder();
            for (Path file : List.of(prefix.resolve("logs/console.log"), prefix.resolve("logs/error.log"))) {
                if (Files.exists(file)) {
                    text.append(Files.readString(file));
                }
            }
            return text.toString();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops nginx as its TERM signal does (a fast shutdown), and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
