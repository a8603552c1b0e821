package org.sciplat.tap.gateway.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Starts the publication of the service's tables when the TAP application starts. */
@WebListener
public class ArchiveStartup implements ServletContextListener {

    @Inject
    DemoArchive archive;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        archive.start();
    }
}
