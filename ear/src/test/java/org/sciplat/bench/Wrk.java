package org.sciplat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;

/** Load by Debian's wrk (2 threads, 16 connections), and the medians the benchmarks compare. */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {
    }

    /** Requests per second to the URL, with one extra header line if not null; fails on any answer but success. */
    static double rate(String url, String header, String duration) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + duration));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Run run = TapService.run(Duration.ofMinutes(2), Map.of(), command.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        Matcher errors = ERRORS.matcher(run.stdout());
        assertEquals(false, errors.find(), "the server answered with errors: " + run.stdout());
        Matcher rate = RATE.matcher(run.stdout());
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no rate: " + run.stdout());
        }
        return Double.parseDouble(rate.group(1));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String rates(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList().toString();
    }
}
