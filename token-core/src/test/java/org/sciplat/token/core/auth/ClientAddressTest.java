package org.sciplat.token.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only as far as it was written by proxies we trust. */
class ClientAddressTest {

    private static ClientAddress trusting(String... blocks) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = blocks.length == 0 ? Optional.empty() : Optional.of(List.of(blocks));
        return address;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.5", trusting().of("203.0.113.5", "192.0.2.1"));
    }

    @Test
    void aTrustedPeerPassesOnTheRightMostUntrustedHop() {
        ClientAddress address = trusting("10.0.0.0/8");
        assertEquals("192.0.2.1", address.of("10.0.0.2", "198.51.100.7, 192.0.2.1, 10.0.0.9"));
    }

    @Test
    void anUntrustedPeerCannotForgeTheHeader() {
        assertEquals("203.0.113.5", trusting("10.0.0.0/8").of("203.0.113.5", "10.0.0.1"));
    }

    @Test
    void garbageInTheHeaderFallsBackToThePeer() {
        assertEquals("10.0.0.2", trusting("10.0.0.0/8").of("10.0.0.2", "<script>, 10.0.0.3"));
    }
}
