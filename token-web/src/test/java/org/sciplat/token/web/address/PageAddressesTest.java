package org.sciplat.token.web.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageAddressesTest {

    private static final String KEY = "uRA-C80CCs35xOrYo796GA";

    @Test
    void eachAddressNamesItsView() {
        assertEquals(Optional.of("/tokens/index.xhtml"), PageAddresses.viewOf("/tokens"));
        assertEquals(Optional.of("/tokens/token.xhtml?key=" + KEY), PageAddresses.viewOf("/tokens/" + KEY));
        assertEquals(Optional.of("/admin/create.xhtml"), PageAddresses.viewOf("/admin/create"));
        assertEquals(Optional.of("/sessions.xhtml"), PageAddresses.viewOf("/sessions"));
        for (String none : new String[] {"/tokens/index.xhtml", "/tokens/not-a-key", "/tokens/" + KEY + "/x",
            "/WEB-INF/web", "/admin", "/"}) {
            assertEquals(Optional.empty(), PageAddresses.viewOf(none), none);
        }
    }

    @Test
    void linksAndRedirectsAreWrittenWithTheAddresses() {
        assertEquals("/app/tokens", PageAddresses.addressOf("/app/tokens/index.xhtml", "/app"));
        assertEquals("/tokens/" + KEY + "?user=astronomer",
                PageAddresses.addressOf("/tokens/token.xhtml?user=astronomer&key=" + KEY, ""));
        assertEquals("/tokens/created?jakarta.faces.Token=abc",
                PageAddresses.addressOf("/tokens/created.xhtml?jakarta.faces.Token=abc", ""));
        assertEquals("/", PageAddresses.addressOf("/index.xhtml", ""));
        assertEquals("/tokens/token.xhtml?key=x", PageAddresses.addressOf("/tokens/token.xhtml?key=x", ""));
        assertEquals("/jakarta.faces.resource/tokens.css.xhtml",
                PageAddresses.addressOf("/jakarta.faces.resource/tokens.css.xhtml", ""));
        assertEquals("https://example.org/login.xhtml",
                PageAddresses.addressOf("https://example.org/login.xhtml", ""));
    }

    @Test
    void theOldAddressesAreKnown() {
        assertTrue(PageAddresses.isOldAddress("/history.xhtml"));
        assertTrue(PageAddresses.isOldAddress("/tokens/token.xhtml"));
        assertFalse(PageAddresses.isOldAddress("/history"));
        assertFalse(PageAddresses.isOldAddress("/WEB-INF/errorpages/expired.xhtml"));
    }
}
