package org.sciplat.token.core.leak;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code sciplat.leak-report.per-minute} reports a minute from one client address, counted in fixed
 * one-minute windows in this instance's memory (bounded): the endpoint needs no credential, so this is what keeps
 * it from being a free way to make the service hash and look up a thousand tokens at a time without end.
 */
@ApplicationScoped
public class LeakReportThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final long MAX_ADDRESSES = 100_000;

    private int perMinute;
    private Clock clock;
    private Cache<String, Window> windows;

    protected LeakReportThrottle() {
    }

    @Inject
    public LeakReportThrottle(@ConfigProperty(name = "sciplat.leak-report.per-minute", defaultValue = "10")
            int perMinute) {
        this(perMinute, Clock.systemUTC());
    }

    /** A throttle on the given clock, for tests that move time on. */
    public LeakReportThrottle(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("sciplat.leak-report.per-minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterWrite(WINDOW.multipliedBy(2))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** Counts the report, or refuses it while the address has used up its minute. */
    public void check(String address) {
        Instant now = clock.instant();
        Instant windowStart = Instant.ofEpochSecond(now.getEpochSecond() - now.getEpochSecond() % WINDOW.toSeconds());
        Window counted = windows.asMap().merge(String.valueOf(address), new Window(windowStart, 1),
                (old, fresh) -> old.start.equals(windowStart) ? new Window(windowStart, old.count + 1) : fresh);
        if (counted.count > perMinute) {
            throw new TooManyReportsException(Duration.between(now, windowStart.plus(WINDOW)));
        }
    }

    private record Window(Instant start, int count) {
    }
}
