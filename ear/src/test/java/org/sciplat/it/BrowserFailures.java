package org.sciplat.it;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test of the web UI fails, what its browser showed then, in the test's error output and a screenshot. */
final class BrowserFailures implements TestWatcher {

    private final Supplier<Browser> browser;

    BrowserFailures(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser failed = browser.get();
        if (failed != null) {
            System.err.println(context.getUniqueId() + " failed; " + failed.failureReport(
                    context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()));
        }
    }
}
