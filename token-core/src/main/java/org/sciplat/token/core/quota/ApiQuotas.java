package org.sciplat.token.core.quota;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts requests per user, service and minute (fixed windows, as the anchor's) for every instance on the database.
 *
 * <p>The ingress check only reads and increments memory ({@link #take}): the total the instances had together at
 * the last synchronisation, plus what this instance counted since. {@link QuotaSync} adds this instance's counts to
 * the database about once a second and reads everyone's totals back, so several instances together admit at most
 * about one second's worth of requests per instance beyond a quota before each sees the others' share.
 */
@ApplicationScoped
public class ApiQuotas {

    static final long WINDOW_SECONDS = 60;
    /** The SQLState of a unique key violated, in H2 as in PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    @Resource(lookup = "jdbc/tokens")
    DataSource dataSource;

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    /** Counts a request unless the quota is used up; a refused request does not count. */
    public QuotaUse take(String username, String service, int limit, Instant now) {
        long window = now.getEpochSecond() / WINDOW_SECONDS;
        Instant reset = Instant.ofEpochSecond((window + 1) * WINDOW_SECONDS);
        Counter counter = counters.computeIfAbsent(new Key(username, service, window), key -> new Counter());
        while (true) {
            int local = counter.unshared.get();
            int used = counter.shared + local;
            if (used >= limit) {
                return new QuotaUse(service, limit, used, reset, false);
            }
            if (counter.unshared.compareAndSet(local, local + 1)) {
                return new QuotaUse(service, limit, used + 1, reset, true);
            }
        }
    }

    /** Adds this instance's counts to the database and takes every instance's totals from it. */
    void synchronise(Instant now) throws SQLException {
        long current = now.getEpochSecond() / WINDOW_SECONDS;
        counters.keySet().removeIf(key -> key.window < current - 1);
        if (counters.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<Key, Counter> entry : counters.entrySet()) {
                int delta = entry.getValue().unshared.get();
                if (delta > 0) {
                    add(connection, entry.getKey(), delta);
                    // before the total is taken in: a moment of counting too little, never a request refused twice
                    entry.getValue().unshared.addAndGet(-delta);
                }
            }
            try (PreparedStatement totals = connection.prepareStatement(
                    "SELECT username, service, window_start, used FROM api_quota_usage WHERE window_start >= ?")) {
                totals.setLong(1, current - 1);
                try (ResultSet rows = totals.executeQuery()) {
                    while (rows.next()) {
                        Counter counter = counters.get(new Key(rows.getString(1), rows.getString(2), rows.getLong(3)));
                        if (counter != null) {
                            counter.shared = rows.getInt(4);
                        }
                    }
                }
            }
            if (now.getEpochSecond() % WINDOW_SECONDS == 0) {
                try (PreparedStatement old = connection.prepareStatement(
                        "DELETE FROM api_quota_usage WHERE window_start < ?")) {
                    old.setLong(1, current - 1);
                    old.executeUpdate();
                }
            }
        }
    }

    private static void add(Connection connection, Key key, int delta) throws SQLException {
        if (update(connection, key, delta)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_quota_usage (username, service, window_start, used) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key.username);
            insert.setString(2, key.service);
            insert.setLong(3, key.window);
            insert.setInt(4, delta);
            insert.executeUpdate();
        } catch (SQLException e) {
            // another instance inserted the row first
            if (!DUPLICATE_KEY.equals(e.getSQLState()) || !update(connection, key, delta)) {
                throw e;
            }
        }
    }

    private static boolean update(Connection connection, Key key, int delta) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE api_quota_usage SET used = used + ? "
                + "WHERE username = ? AND service = ? AND window_start = ?")) {
            update.setInt(1, delta);
            update.setString(2, key.username);
            update.setString(3, key.service);
            update.setLong(4, key.window);
            return update.executeUpdate() == 1;
        }
    }

    private record Key(String username, String service, long window) {
    }

    private static final class Counter {
        /** Counted here since the last synchronisation. */
        final AtomicInteger unshared = new AtomicInteger();
        /** Every instance's total at the last synchronisation, this one's included. */
        volatile int shared;
    }
}
