package org.sciplat.token.web.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A login returns only to a page of this application, whatever the browser sent as the page it came from. */
class ReturnPathTest {

    @Test
    void aPageOfTheApplicationIsReturnedTo() {
        assertEquals(Optional.of("/tokens/index.xhtml"), ReturnPath.validated("/tokens/index.xhtml", ""));
        assertEquals(Optional.of("/history?since=2026-01-01"), ReturnPath.validated("/history?since=2026-01-01", ""));
        assertEquals(Optional.of("/tokens/uRA-C80CCs35xOrYo796GA"),
                ReturnPath.validated("/tokens/uRA-C80CCs35xOrYo796GA", ""));
        assertEquals(Optional.of("/history.xhtml?since=2026-01-01"),
                ReturnPath.validated("/history.xhtml?since=2026-01-01", ""));
        assertEquals(Optional.of("/tokens/token.xhtml?key=abc"),
                ReturnPath.validated("https://:9443/tokens/token.xhtml?key=abc", ""),
                "Open Liberty's saved request names no host");
        assertEquals(Optional.of("/tokens/"), ReturnPath.validated("https://tokens.example.org/app/tokens/", "/app"));
    }

    @Test
    void nothingElseIs() {
        for (String url : new String[] {null, "", "//evil.example.org/x.xhtml", "/\\evil.example.org",
            "https://evil.example.org", "javascript:alert(1)", "/login.xhtml", "/login.xhtml?next=/x.xhtml", "/login",
            "/login?expired=true", "/no-such-page",
            "/tokens/../admin/tokens.xhtml", "/./tokens/index.xhtml", "/auth/api/v1/token-info",
            "/tokens/index.xhtml?x=<script>", "/tokens/index.xhtml\r\nSet-Cookie: a=b", "/other/x.xhtml"}) {
            assertEquals(Optional.empty(), ReturnPath.validated(url, url != null && url.startsWith("/other") ? "/app" : ""),
                    String.valueOf(url));
        }
    }
}
