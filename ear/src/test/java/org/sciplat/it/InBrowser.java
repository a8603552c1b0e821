package org.sciplat.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test of the web UI whose methods each start from a browser that knows nothing of the site (no cookie, no page,
 * nothing stored): one headless Chromium for the class, reset before each method, closed after the class.
 */
public abstract class InBrowser {

    private static Browser shared;

    protected Browser browser;

    @RegisterExtension
    final BrowserFailures failures = new BrowserFailures(() -> browser);

    @BeforeEach
    void freshBrowser() {
        if (shared == null) {
            shared = Browser.open();
        } else {
            shared.reset();
        }
        browser = shared;
    }

    @AfterAll
    static void closeBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
