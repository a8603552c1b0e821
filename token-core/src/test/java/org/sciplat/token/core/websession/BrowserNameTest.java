package org.sciplat.token.core.websession;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrowserNameTest {

    @Test
    void theCommonBrowsersReadAsTheirNameAndSystem() {
        assertEquals("Chrome on Linux", BrowserName.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Chrome on Linux", BrowserName.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) HeadlessChrome/131.0.6778.85 Safari/537.36"));
        assertEquals("Edge on Windows", BrowserName.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70"));
        assertEquals("Firefox on macOS", BrowserName.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) "
                + "Gecko/20100101 Firefox/133.0"));
        assertEquals("Safari on iOS", BrowserName.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Chrome on Android", BrowserName.of("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertEquals("Opera on Windows", BrowserName.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0"));
        assertEquals("Firefox on iOS", BrowserName.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15"));
    }

    @Test
    void whatNamesNothingKnownSaysSo() {
        assertEquals("Unknown browser", BrowserName.of(null));
        assertEquals("Unknown browser", BrowserName.of(""));
        assertEquals("Unknown browser", BrowserName.of("<script>alert(1)</script>"));
        assertEquals("Unknown browser on Linux", BrowserName.of("SomeBot/1.0 (Linux)"));
        assertEquals("curl", BrowserName.of("curl/8.5.0"));
    }
}
