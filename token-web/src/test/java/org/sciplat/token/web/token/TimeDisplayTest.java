package org.sciplat.token.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeDisplayTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final TimeDisplay cut = new TimeDisplay(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void expiryInAWeekReadsAsDaysAhead() {
        assertEquals("in 7 days", cut.relative(NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void aWeekLessAFewSecondsStillReadsAsSevenDays() {
        assertEquals("in 7 days", cut.relative(NOW.plus(Duration.ofDays(7)).minusSeconds(5)));
    }

    @Test
    void pastUseReadsAsAgoInTheLargestUnitThatFits() {
        assertEquals("just now", cut.relative(NOW.minusSeconds(20)));
        assertEquals("1 minute ago", cut.relative(NOW.minusSeconds(60)));
        assertEquals("5 hours ago", cut.relative(NOW.minus(Duration.ofHours(5))));
        assertEquals("3 months ago", cut.relative(NOW.minus(Duration.ofDays(95))));
        assertEquals("in 2 years", cut.relative(NOW.plus(Duration.ofDays(800))));
    }

    @Test
    void absoluteTimeIsUtcToTheMinute() {
        assertEquals("2026-12-04 12:00 UTC", cut.absolute(NOW.plus(Duration.ofDays(7)).plusSeconds(59)));
        assertEquals("2026-11-27T12:00:00Z", cut.iso(NOW));
        assertEquals("", cut.absolute(null));
    }
}
