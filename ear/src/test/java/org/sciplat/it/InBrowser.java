package org.sciplat.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test of the web UI: each test method gets a fresh headless Chromium, closed after it whatever happens. */
public abstract class InBrowser {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
