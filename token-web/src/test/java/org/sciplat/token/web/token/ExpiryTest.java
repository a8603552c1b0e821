package org.sciplat.token.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:34:56Z");

    @Test
    void neverMeansNoExpiry() {
        assertNull(Expiry.NEVER.at(NOW, LocalDate.of(2027, 1, 1)));
    }

    @Test
    void daysCountFromNow() {
        assertEquals(Instant.parse("2026-11-28T12:34:56Z"), Expiry.DAY.at(NOW, null));
        assertEquals(Instant.parse("2027-02-25T12:34:56Z"), Expiry.QUARTER.at(NOW, null));
    }

    @Test
    void aChosenDateIsValidThroughThatWholeDayInUtc() {
        assertEquals(Instant.parse("2026-12-25T00:00:00Z"), Expiry.DATE.at(NOW, LocalDate.of(2026, 12, 24)));
    }
}
