package org.sciplat.token.core.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.sciplat.token.core.DatabaseUnavailableException;

/**
 * Leases on shared work (a row of {@code cluster_lease} each), so that of several instances on one database one
 * does it: the expiry job once per interval; other modules name leases of their own. A lease is taken with a conditional
 * update, which every database makes atomic; inside a transaction its row stays locked until the end, so a second
 * instance's attempt waits for the outcome instead of racing it. Instances compare their own clocks with
 * {@code held_until}: keep them synchronised (NTP), as any cluster must.
 */
@ApplicationScoped
public class ClusterLease {

    public static final String TOKEN_EXPIRY = "token-expiry";
    /** The SQLState of a unique key violated, in H2 as in PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    /** This instance in the {@code holder} column: host name and a per-start identifier. */
    private static final String INSTANCE = hostName() + "/" + UUID.randomUUID();

    @Resource(lookup = "jdbc/tokens")
    DataSource dataSource;

    /**
     * Takes the lease until {@code hold} from now if it is free, lapsed, or already this instance's (renewing it);
     * false while another instance holds it. A lease never taken before has no row yet: the first to take it
     * creates it, so a module names its leases without a migration of core's.
     */
    public boolean acquire(String name, Duration hold) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE cluster_lease SET holder = ?, held_until = ? "
                            + "WHERE name = ? AND (held_until <= ? OR holder = ?)")) {
                update.setString(1, INSTANCE);
                update.setObject(2, utc(now.plus(hold)));
                update.setString(3, name);
                update.setObject(4, utc(now));
                update.setString(5, INSTANCE);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            return create(connection, name, now.plus(hold));
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot take the cluster lease " + name, e);
        }
    }

    /**
     * Creates the lease's row held by this instance; false if it exists, held by another instance or created by one
     * a moment ago. Neither way of losing the race may fail the caller's transaction: PostgreSQL's ON CONFLICT
     * skips the row without an error, which would abort the transaction there, and H2, which lacks it outside its
     * PostgreSQL mode, undoes only the failed statement.
     */
    private static boolean create(Connection connection, String name, Instant until) throws SQLException {
        boolean postgresql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO cluster_lease (name, holder, held_until) VALUES (?, ?, ?)"
                        + (postgresql ? " ON CONFLICT (name) DO NOTHING" : ""))) {
            insert.setString(1, name);
            insert.setString(2, INSTANCE);
            insert.setObject(3, utc(until));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!postgresql && DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up early, if this instance holds it, so another may take it at once. */
    public void release(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE cluster_lease SET holder = NULL, held_until = ? WHERE name = ? AND holder = ?")) {
            update.setObject(1, utc(Instant.EPOCH));
            update.setString(2, name);
            update.setString(3, INSTANCE);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot release the cluster lease " + name, e);
        }
    }

    /**
     * Waits until no other instance's transaction holds the named row, then holds it until this connection's
     * transaction ends: for rewrites (delete, then insert) that two instances must not interleave.
     */
    public static void lockUntilCommit(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE cluster_lease SET name = name WHERE name = ?")) {
            lock.setString(1, name);
            if (lock.executeUpdate() != 1) {
                throw new SQLException("No cluster lease named " + name + ": the schema is not migrated");
            }
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
