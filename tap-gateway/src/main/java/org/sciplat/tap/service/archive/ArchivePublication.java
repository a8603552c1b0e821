package org.sciplat.tap.service.archive;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapSchemaTables;
import org.sciplat.tap.service.migration.TapMigration;

/**
 * Publishes the service's tables once its own tables are migrated: TAP_SCHEMA at once, the archive's tables once
 * the archive has them ready, so that no query sees a table half filled. Until then VOSI availability says why.
 */
@ApplicationScoped
public class ArchivePublication {

    private static final Logger LOG = Logger.getLogger(ArchivePublication.class.getName());

    @Inject
    TapMigration migration;

    @Inject
    Catalogue catalogue;

    @Inject
    @Any
    Instance<Archive> archives;

    @Inject
    @ConfigProperty(name = "sciplat.tap.archive", defaultValue = "demo")
    String archiveName;

    @Resource
    ManagedExecutorService executor;

    private volatile Archive archive;
    private volatile boolean published;
    private volatile String failure;
    private volatile boolean stopping;
    private Future<?> publication;

    /** Whether queries can run, and if not, why; for VOSI availability. */
    public record Status(boolean available, String note) {
    }

    public Status status() {
        if (!migration.isComplete()) {
            return new Status(false, migration.failure().orElse("The database is not ready"));
        }
        if (failure != null) {
            return new Status(false, failure);
        }
        if (!published) {
            return new Status(false, archive == null ? "Publishing TAP_SCHEMA" : archive.progress());
        }
        return new Status(true, "The service is accepting queries");
    }

    /** Starts publishing in the background; the application is up before a first start's demo table is written. */
    void start() {
        Instance<Archive> named = archives.select(NamedLiteral.of(archiveName));
        if (!named.isResolvable()) {
            failure = "sciplat.tap.archive names no archive: " + archiveName + " (demo or external)";
            LOG.severe(failure);
            return;
        }
        archive = named.get();
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
            while (!migration.isComplete() && !stopping) {
                TimeUnit.SECONDS.sleep(1);
            }
            catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
            archive.prepare(() -> stopping);
            for (Archive.Published schema : archive.schemas()) {
                catalogue.publish(schema.schema(), schema.tables());
            }
            published = true;
            LOG.info(() -> "TAP service ready: " + catalogue.tables().size() + " tables published");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException e) {
            LOG.info("Publishing the archive stopped with the application; it starts again at the next start");
        } catch (SQLException | RuntimeException e) {
            failure = "The archive could not be published: " + e.getMessage();
            LOG.log(Level.SEVERE, "The archive could not be published", e);
        }
    }
}
