package org.sciplat.it;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.OptionalDouble;

/** The server's MicroProfile Metrics, as the monitoring that scrapes /metrics reads them. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of an untagged application metric (Prometheus name, without its suffixes). */
    public static long value(String name) {
        return (long) scrape().value(name);
    }

    /** One reading of every application metric at once, so that figures read together are consistent. */
    public static Scrape scrape() {
        HttpResponse<String> metrics = TestServer.get("/metrics?scope=application");
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + metrics.statusCode());
        }
        return new Scrape(metrics.body());
    }

    /** The Prometheus text of one scrape. */
    public record Scrape(String text) {

        /**
         * The value of the series of this name (as Prometheus shows it, with any suffix such as _total) that carries
         * these labels, each given as name=value; empty while the series does not exist.
         */
        public OptionalDouble find(String name, String... labels) {
            String[] quoted = Arrays.stream(labels)
                    .map(label -> label.replaceFirst("=(.*)", "=\"$1\""))
                    .toArray(String[]::new);
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> Arrays.stream(quoted).allMatch(label -> labels(line).contains("{" + label)
                            || labels(line).contains("," + label)))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst();
        }

        public double value(String name, String... labels) {
            return find(name, labels).orElseThrow(() -> new IllegalStateException(
                    "No metric " + name + " " + Arrays.toString(labels) + " in " + text));
        }

        private static String labels(String line) {
            int open = line.indexOf('{');
            return open < 0 ? "" : line.substring(open, line.indexOf('}') + 1);
        }
    }
}
