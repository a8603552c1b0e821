package org.sciplat.token.web.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the pages show them: relative ("in 7 days", "3 hours ago") for a glance, and absolute in UTC, the one
 * zone every user of the platform and its logs share. A missing time reads as the page's context says ("never").
 */
@Named("time")
@ApplicationScoped
public class TimeDisplay {

    private static final DateTimeFormatter ABSOLUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;

    public TimeDisplay() {
        this(Clock.systemUTC());
    }

    TimeDisplay(Clock clock) {
        this.clock = clock;
    }

    public String absolute(Instant instant) {
        return instant == null ? "" : ABSOLUTE.format(instant);
    }

    /** The machine-readable form, for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration offset = Duration.between(clock.instant(), instant);
        boolean future = !offset.isNegative();
        Duration distance = offset.abs();
        if (distance.compareTo(Duration.ofMinutes(1)) < 0) {
            return future ? "in less than a minute" : "just now";
        }
        String amount = amount(distance);
        return future ? "in " + amount : amount + " ago";
    }

    /** Rounded to the nearest unit, so that a token made a few seconds ago for 7 days still reads "in 7 days". */
    private static String amount(Duration distance) {
        long minutes = Math.round(distance.toSeconds() / 60.0);
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return plural(hours, "hour");
        }
        long days = Math.round(hours / 24.0);
        if (days < 60) {
            return plural(days, "day");
        }
        if (days < 730) {
            return plural(Math.round(days / 30.0), "month");
        }
        return plural(Math.round(days / 365.0), "year");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
