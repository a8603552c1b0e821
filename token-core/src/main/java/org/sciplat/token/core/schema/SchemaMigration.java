package org.sciplat.token.core.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sciplat.token.core.DatabaseUnavailableException;

/**
 * Brings the database schema up to date when the application starts.
 *
 * <p>A database that is not reachable yet (a PostgreSQL still starting next to the server) must not leave the
 * application dead until someone redeploys it, so a failed attempt is retried until it succeeds; until then the
 * readiness check reports DOWN with the reason.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    /*
     * Open Liberty, like WebSphere, only lets Flyway list a folder that holds a file named flyway.location: this
     * one, and db/callback, which Flyway always scans and reports as an error when it cannot.
     */
    static final String LOCATION = "classpath:db/migration";
    /*
     * Flyway's checksums of V3 as first released, which also created the rows of two leases of the TAP service, and
     * of V3 now: a lease's row is made by whoever first takes it. A database migrated before keeps its rows.
     */
    private static final int V3_RELEASED = -1160784055;
    private static final int V3_NOW = -1376714391;
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/tokens")
    private DataSource dataSource;

    @Resource
    private TimerService timerService;

    @Inject
    private Event<SchemaMigrated> migrated;

    private volatile boolean complete;
    private volatile String failure = "migrations have not run yet";

    @PostConstruct
    void start() {
        migrate();
    }

    @Timeout
    void retry() {
        migrate();
    }

    private void migrate() {
        try {
            apply(dataSource);
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.log(Level.SEVERE, "Database migration failed; retrying in " + RETRY_INTERVAL.toSeconds() + " s", e);
            timerService.createSingleActionTimer(RETRY_INTERVAL.toMillis(), new TimerConfig(null, false));
            return;
        }
        String version = appliedVersion().orElse("none");
        complete = true;
        failure = null;
        LOG.info(() -> "Database schema is at version " + version);
        migrated.fire(new SchemaMigrated(version));
    }

    /** Brings the database up to date: what a start does, for the tests too. */
    static void apply(DataSource dataSource) {
        acceptV3AsChanged(dataSource);
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                // V2 and V4 as first released created the TAP service's tables, which its own migrations now own
                .ignoreMigrationPatterns("*:missing")
                // on a database shared with the TAP service, its migrations may have run first
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Records V3's new checksum where V3 as first released was applied, and nowhere else: any other change to an
     * applied migration still fails validation, as it should.
     */
    private static void acceptV3AsChanged(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet history = connection.getMetaData().getTables(null, connection.getSchema(),
                    "flyway_schema_history", null)) {
                if (!history.next()) {
                    return;
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE \"flyway_schema_history\""
                    + " SET \"checksum\" = ? WHERE \"version\" = '3' AND \"checksum\" = ?")) {
                update.setInt(1, V3_NOW);
                update.setInt(2, V3_RELEASED);
                if (update.executeUpdate() == 1) {
                    LOG.info("Recorded the new checksum of migration 3, which no longer creates the TAP leases");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read the schema history", e);
        }
    }

    public boolean isComplete() {
        return complete;
    }

    /** Why the schema is not ready, while it is not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The version of the last migration the database itself records as applied, read from the database. */
    public Optional<String> appliedVersion() {
        String sql = "SELECT \"version\" FROM \"flyway_schema_history\""
                + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read the schema version", e);
        }
    }
}
