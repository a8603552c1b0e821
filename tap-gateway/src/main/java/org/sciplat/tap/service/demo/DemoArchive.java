package org.sciplat.tap.service.demo;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapSchemaTables;
import org.sciplat.token.core.cluster.ClusterLease;
import org.sciplat.token.core.schema.SchemaMigration;

/**
 * Publishes the service's tables once the database schema is in place: TAP_SCHEMA at once, the demo table after
 * it holds its full synthetic sample (generated on first start, or again if a start was interrupted). Until then
 * the table is not published, so no query sees it half filled. Of several instances on one database, the one
 * holding the {@link ClusterLease} loads the table and the others wait until it holds every row.
 */
@ApplicationScoped
public class DemoArchive {

    private static final Logger LOG = Logger.getLogger(DemoArchive.class.getName());
    /** Long enough to outlast a pause between two batches; a loader that died lets another take over after it. */
    private static final Duration LOAD_LEASE = Duration.ofMinutes(1);
    /** The lease of loading the demo archive (a row of token-core's cluster_lease). */
    private static final String LOAD = "tap-demo-load";
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    @EJB
    SchemaMigration schema;

    @Inject
    Catalogue catalogue;

    @Inject
    @ConfigProperty(name = "sciplat.tap.demo.rows", defaultValue = "1000000")
    long demoRows;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "jdbc/tokens")
    DataSource dataSource;

    @Inject
    ClusterLease lease;

    private final AtomicLong loadedRows = new AtomicLong();
    private volatile long targetRows;
    private volatile String failure;
    private Future<?> publication;
    private volatile boolean stopping;

    /** Whether queries can run, and if not, why; for VOSI availability. */
    public record Status(boolean available, String note) {
    }

    public Status status() {
        if (!schema.isComplete()) {
            return new Status(false, "The database is not ready");
        }
        if (failure != null) {
            return new Status(false, failure);
        }
        long loaded = loadedRows.get();
        if (targetRows == 0 || loaded < targetRows) {
            return new Status(false, String.format("Loading the demo archive: %,d of %,d rows", loaded, targetRows));
        }
        return new Status(true, "The service is accepting queries");
    }

    /** Starts publishing in the background; the application is up before a first start's sample is written. */
    void start() {
        targetRows = Math.max(demoRows, 1);
        loadedRows.set(0);
        failure = null;
        publication = executor.submit(this::publish);
    }

    @PreDestroy
    void stop() {
        // a flag, not an interrupt: H2 closes its database file when a thread writing it is interrupted
        stopping = true;
        if (publication != null) {
            publication.cancel(false);
        }
    }

    private void publish() {
        try {
            while (!schema.isComplete() && !stopping) {
                TimeUnit.SECONDS.sleep(1);
            }
            catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
            SyntheticSample sample = new SyntheticSample(targetRows);
            try (Connection connection = dataSource.getConnection()) {
                fill(connection, sample);
            }
            catalogue.publish(AllWiseMep.SCHEMA, Collections.singletonList(AllWiseMep.TABLE));
            LOG.info(() -> String.format("TAP service ready: %s holds %,d rows",
                    AllWiseMep.TABLE.qualifiedName(), sample.rows()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException e) {
            LOG.info("Loading the demo archive stopped with the application; it starts again at the next start");
        } catch (SQLException | RuntimeException e) {
            failure = "The demo archive could not be loaded: " + e.getMessage();
            LOG.log(Level.SEVERE, "The demo archive could not be loaded", e);
        }
    }

    /** Returns once the table holds the sample, written here or by another instance. */
    private void fill(Connection connection, SyntheticSample sample) throws SQLException, InterruptedException {
        boolean waitingLogged = false;
        while (!stopping) {
            long rows = count(connection);
            if (rows == sample.rows()) {
                loadedRows.set(rows);
                return;
            }
            if (lease.acquire(LOAD, LOAD_LEASE)) {
                try {
                    if (count(connection) != sample.rows()) {
                        load(connection, sample);
                    }
                    loadedRows.set(sample.rows());
                    return;
                } finally {
                    lease.release(LOAD);
                }
            }
            if (!waitingLogged) {
                LOG.info("Another instance is loading the demo archive; waiting for it");
                waitingLogged = true;
            }
            loadedRows.set(Math.min(rows, sample.rows() - 1));
            TimeUnit.SECONDS.sleep(2);
        }
        throw new CancellationException("The application is stopping");
    }

    private long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + catalogue.physical(AllWiseMep.TABLE))) {
            result.next();
            return result.getLong(1);
        }
    }

    private void load(Connection connection, SyntheticSample sample) throws SQLException {
        long started = System.nanoTime();
        LOG.info(() -> String.format("Generating the demo archive: %,d rows", sample.rows()));
        AtomicLong renewed = new AtomicLong(System.nanoTime());
        sample.writeTo(connection, catalogue.physical(AllWiseMep.TABLE), written -> {
            if (stopping) {
                throw new CancellationException("The application is stopping");
            }
            loadedRows.set(written);
            if (System.nanoTime() - renewed.get() > RENEW_EVERY.toNanos()) {
                if (!lease.acquire(LOAD, LOAD_LEASE)) {
                    throw new IllegalStateException("Another instance took over loading the demo archive");
                }
                renewed.set(System.nanoTime());
            }
        });
        LOG.info(() -> String.format("Demo archive generated in %.1f s", (System.nanoTime() - started) / 1e9));
    }
}
