package org.sciplat.token.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.schema.InMemoryDatabase;

/** Leases on a migrated database, named by whoever takes them: no migration creates their rows. */
class ClusterLeaseTest {

    private static final Duration HOLD = Duration.ofMinutes(1);

    private static DataSource database;
    private final ClusterLease cut = new ClusterLease();

    @BeforeAll
    static void migrate() {
        database = InMemoryDatabase.migrated("cluster-lease").dataSource();
    }

    ClusterLeaseTest() {
        cut.dataSource = database;
    }

    @Test
    void aLeaseNeverTakenBeforeIsTakenAndRenewed() {
        assertTrue(cut.acquire("never-taken", HOLD));
        assertTrue(cut.acquire("never-taken", HOLD), "renewed by its holder");
    }

    @Test
    void anotherInstanceGetsTheLeaseOnlyOnceItIsReleasedOrLapsed() throws SQLException {
        assertTrue(cut.acquire("held", HOLD));
        holdAsAnotherInstance("held", "2999-01-01 00:00:00");
        assertFalse(cut.acquire("held", HOLD));
        holdAsAnotherInstance("held", "2000-01-01 00:00:00");
        assertTrue(cut.acquire("held", HOLD), "lapsed");
    }

    /**
     * Threads of one JVM share its holder name, so the ones that lose the insert may still win the renewal; what
     * matters is that losing the race to create the row fails no one.
     */
    @Test
    void takingANewLeaseFromManyConnectionsAtOnceFailsNone() throws Exception {
        int attempts = 8;
        CountDownLatch ready = new CountDownLatch(attempts);
        List<Callable<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            all.add(() -> {
                ready.countDown();
                ready.await();
                return cut.acquire("raced", HOLD);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            long taken = 0;
            for (Future<Boolean> attempt : pool.invokeAll(all)) {
                taken += attempt.get() ? 1 : 0;
            }
            assertTrue(taken >= 1, "someone took it");
        } finally {
            pool.shutdown();
        }
        holdAsAnotherInstance("raced", "2999-01-01 00:00:00");
        assertFalse(cut.acquire("raced", HOLD), "one row, now another's");
    }

    private static void holdAsAnotherInstance(String name, String until) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE cluster_lease SET holder = 'another', held_until = TIMESTAMP '" + until + "'"
                             + " WHERE name = ?")) {
            update.setString(1, name);
            assertEquals(1, update.executeUpdate());
        }
    }
}
