package org.sciplat.token.core.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.schema.InMemoryDatabase;

/** Two instances on one migrated database share a user's quota through it, as servers of a cluster do. */
class ApiQuotasTest {

    private static final Instant MINUTE = Instant.parse("2026-12-03T12:00:00Z");

    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = InMemoryDatabase.migrated("api-quotas").dataSource();
    }

    @Test
    void eachInstanceSeesTheOthersCountsOnceTheyAreShared() throws SQLException {
        ApiQuotas first = instance();
        ApiQuotas second = instance();
        Instant now = MINUTE.plusSeconds(10);

        assertTrue(first.take("astronomer", "tap", 5, now).admitted());
        assertTrue(first.take("astronomer", "tap", 5, now).admitted());
        assertTrue(second.take("astronomer", "tap", 5, now).admitted());
        first.synchronise(now);
        second.synchronise(now);
        first.synchronise(now);

        QuotaUse fourth = second.take("astronomer", "tap", 5, now);
        assertEquals(4, fourth.used(), "the first instance's two, the second's two");
        assertTrue(fourth.admitted());
        assertEquals(4, first.take("astronomer", "tap", 5, now).used(),
                "until the next synchronisation an instance does not see the other's latest request");
        second.synchronise(now);
        first.synchronise(now);
        second.synchronise(now);

        QuotaUse sixth = second.take("astronomer", "tap", 5, now);
        assertFalse(sixth.admitted(), "five made: three on the first instance, two on the second");
        assertEquals(5, sixth.used());
        assertEquals(0, sixth.remaining());
        QuotaUse seventh = first.take("astronomer", "tap", 5, now);
        assertFalse(seventh.admitted());
        assertEquals(5, seventh.used(), "a refused request is not counted");
        assertEquals(MINUTE.plusSeconds(60), sixth.reset());
    }

    @Test
    void aNewMinuteStartsAgainAndOtherUsersAndServicesCountApart() throws SQLException {
        ApiQuotas quotas = instance();
        Instant now = MINUTE.plusSeconds(70);
        assertTrue(quotas.take("observer", "tap", 1, now).admitted());
        assertFalse(quotas.take("observer", "tap", 1, now).admitted());
        assertTrue(quotas.take("observer", "cutouts", 1, now).admitted());
        assertTrue(quotas.take("astronomer", "tap", 1, now).admitted());
        quotas.synchronise(now);

        assertTrue(quotas.take("observer", "tap", 1, now.plusSeconds(60)).admitted(), "the next minute");
    }

    private static ApiQuotas instance() {
        ApiQuotas quotas = new ApiQuotas();
        quotas.dataSource = database;
        return quotas;
    }
}
