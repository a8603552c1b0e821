package org.sciplat.tap.service.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.tap.service.archive.Archive;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.token.core.cluster.ClusterLease;

/**
 * The demo archive (sciplat.tap.archive=demo, the default): the demo table, which it creates and fills with its full
 * synthetic sample (on first start, or again if a start was interrupted or the size changed), and ivoa.obscore over
 * its synthetic images. Of several instances
 * on one database, the one holding the {@link ClusterLease} loads the table and the others wait until it holds
 * every row.
 */
@Named("demo")
@ApplicationScoped
public class DemoArchive implements Archive {

    private static final Logger LOG = Logger.getLogger(DemoArchive.class.getName());
    /** Long enough to outlast a pause between two batches; a loader that died lets another take over after it. */
    private static final Duration LOAD_LEASE = Duration.ofMinutes(1);
    /** The lease of loading the demo archive. */
    private static final String LOAD = "tap-demo-load";
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    private static final long IMAGES = SyntheticImages.images().size();

    @Inject
    Catalogue catalogue;

    @Inject
    @ConfigProperty(name = "sciplat.tap.demo.rows", defaultValue = "1000000")
    long demoRows;

    /** The owner of the TAP service's tables, in whose database the demo table lives. */
    @Resource(lookup = "jdbc/jobs")
    DataSource dataSource;

    @Inject
    ClusterLease lease;

    private final AtomicLong loadedRows = new AtomicLong();

    @Override
    public String progress() {
        return String.format("Loading the demo archive: %,d of %,d rows", loadedRows.get(), rows());
    }

    @Override
    public void prepare(BooleanSupplier stopping) throws SQLException, InterruptedException {
        SyntheticSample sample = new SyntheticSample(rows());
        try (Connection connection = dataSource.getConnection()) {
            AllWiseMep.createIn(connection);
            ObsCore.createIn(connection);
            fill(connection, sample, stopping);
        }
        LOG.info(() -> String.format("The demo archive's %s holds %,d rows, %s %,d images",
                AllWiseMep.TABLE.qualifiedName(), sample.rows(), ObsCore.TABLE.qualifiedName(), IMAGES));
    }

    @Override
    public List<Published> schemas() {
        return List.of(new Published(AllWiseMep.SCHEMA, List.of(AllWiseMep.TABLE)),
                new Published(ObsCore.SCHEMA, List.of(ObsCore.TABLE)));
    }

    private long rows() {
        return Math.max(demoRows, 1);
    }

    /** Returns once the tables hold the sample and the images, written here or by another instance. */
    private void fill(Connection connection, SyntheticSample sample, BooleanSupplier stopping)
            throws SQLException, InterruptedException {
        boolean waitingLogged = false;
        while (!stopping.getAsBoolean()) {
            long rows = count(connection);
            if (rows == sample.rows() && images(connection) == IMAGES) {
                loadedRows.set(rows);
                return;
            }
            if (lease.acquire(LOAD, LOAD_LEASE)) {
                try {
                    if (count(connection) != sample.rows()) {
                        load(connection, sample, stopping);
                    }
                    if (images(connection) != IMAGES) {
                        SyntheticImages.writeTo(connection, catalogue.physical(ObsCore.TABLE));
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
        // rows written before the sky index have no cell, and count as missing: the sample is written again
        return count(connection, "SELECT COUNT(" + catalogue.physical(AllWiseMep.TABLE.skyIndex().cell())
                + ") FROM " + catalogue.physical(AllWiseMep.TABLE));
    }

    private long images(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM " + catalogue.physical(ObsCore.TABLE));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void load(Connection connection, SyntheticSample sample, BooleanSupplier stopping) throws SQLException {
        long started = System.nanoTime();
        LOG.info(() -> String.format("Generating the demo archive: %,d rows", sample.rows()));
        AtomicLong renewed = new AtomicLong(System.nanoTime());
        sample.writeTo(connection, catalogue.physical(AllWiseMep.TABLE), written -> {
            if (stopping.getAsBoolean()) {
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
