package org.sciplat.tap.service.migration;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the TAP service's tables up to date in the job store's database when the application starts. They have
 * a migration history of their own (tap_schema_history), so they change without token-core, and may live in a
 * database of their own. A database that is not reachable yet must not leave the service dead until a redeployment,
 * so a failed attempt is retried until it succeeds; until then VOSI availability says why.
 */
@ApplicationScoped
public class TapMigration {

    /*
     * Open Liberty only lets Flyway list a folder that holds a file named flyway.location: this one, and
     * db/callback, which Flyway always scans and reports as an error when it cannot.
     */
    static final String LOCATION = "classpath:db/tap";
    static final String HISTORY = "tap_schema_history";
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(TapMigration.class.getName());

    @Resource(lookup = "jdbc/jobs")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean complete;
    private volatile String failure = "The TAP service's tables have not been migrated yet";
    private volatile Future<?> attempt;

    /** Migrates in the background, so that the application is up meanwhile. */
    public void start() {
        attempt = scheduler.submit(this::migrate);
    }

    @PreDestroy
    void stop() {
        Future<?> pending = attempt;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void migrate() {
        try {
            apply(dataSource);
        } catch (RuntimeException e) {
            failure = "The TAP service's tables could not be migrated: " + e.getMessage();
            LOG.log(Level.SEVERE, "Migrating the TAP service's tables failed; retrying in "
                    + RETRY_INTERVAL.toSeconds() + " s", e);
            attempt = scheduler.schedule(this::migrate, RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        complete = true;
        failure = null;
        LOG.info("The TAP service's tables are up to date");
    }

    public boolean isComplete() {
        return complete;
    }

    /** Why the tables are not ready, while they are not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Brings the TAP service's tables up to date: what a start does, for the tests too. */
    static void apply(DataSource dataSource) {
        Flyway.configure(TapMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY)
                // the database usually holds other tables (the tokens'), and those that token-core's migrations
                // made of the TAP service's before it had its own, which its migrations leave as they are
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
