package org.sciplat.it;

import java.net.http.HttpResponse;

/** The server's MicroProfile Metrics, as the monitoring that scrapes /metrics reads them. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of an application metric (Prometheus name, without its suffixes). */
    public static long value(String name) {
        HttpResponse<String> metrics = TestServer.get("/metrics?scope=application");
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + metrics.statusCode());
        }
        return metrics.body().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .mapToLong(value -> (long) Double.parseDouble(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No metric " + name + " in " + metrics.body()));
    }
}
