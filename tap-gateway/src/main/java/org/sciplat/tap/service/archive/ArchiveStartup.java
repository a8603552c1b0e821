package org.sciplat.tap.service.archive;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.sciplat.tap.TapMode;
import org.sciplat.tap.service.migration.TapMigration;

/** Migrates the service's tables and starts publishing them when the TAP application starts. */
@WebListener
public class ArchiveStartup implements ServletContextListener {

    @Inject
    TapMigration migration;

    @Inject
    ArchivePublication publication;

    @Inject
    TapMode mode;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // in proxy mode the TAP service and its data are elsewhere
        if (!mode.isProxy()) {
            migration.start();
            publication.start();
        }
    }
}
