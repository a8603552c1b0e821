package org.sciplat.token.web.token;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The expiry choices of the token forms: never, a fixed number of days from now, or the end of a chosen date. */
public enum Expiry {
    NEVER("Never", null),
    DAY("1 day", Duration.ofDays(1)),
    WEEK("7 days", Duration.ofDays(7)),
    MONTH("30 days", Duration.ofDays(30)),
    QUARTER("90 days", Duration.ofDays(90)),
    DATE("On a date", null);

    private final String label;
    private final Duration lifetime;

    Expiry(String label, Duration lifetime) {
        this.label = label;
        this.lifetime = lifetime;
    }

    public String getLabel() {
        return label;
    }

    /**
     * When a token made now expires; null for never. A chosen date means the token is valid through that whole day
     * in UTC; the date is required for {@link #DATE} and ignored otherwise.
     */
    public Instant at(Instant now, LocalDate date) {
        if (this == NEVER) {
            return null;
        }
        if (this == DATE) {
            return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return now.plus(lifetime);
    }
}
