package org.sciplat.tap.service.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.sciplat.tap.TapMode;

/** Starts the publication of the service's tables when the TAP application starts. */
@WebListener
public class ArchiveStartup implements ServletContextListener {

    @Inject
    DemoArchive archive;

    @Inject
    TapMode mode;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // in proxy mode the TAP service and its data are elsewhere
        if (!mode.isProxy()) {
            archive.start();
        }
    }
}
