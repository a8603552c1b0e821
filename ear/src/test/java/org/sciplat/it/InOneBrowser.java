package org.sciplat.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A test of the web UI whose methods share one headless Chromium, started once for the class: seconds each. */
public abstract class InOneBrowser {

    protected static Browser browser;

    @RegisterExtension
    static final BrowserFailures FAILURES = new BrowserFailures(() -> browser);

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
