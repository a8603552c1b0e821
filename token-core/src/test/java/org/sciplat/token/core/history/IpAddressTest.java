package org.sciplat.token.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.token.core.InvalidIpAddressException;

class IpAddressTest {

    @Test
    void ipv4IsStoredAsMappedIpv6() {
        assertEquals(Optional.of("00000000000000000000ffffc0000211"), IpAddress.hex("192.0.2.17"));
    }

    @Test
    void ipv6IsStoredAsItsThirtyTwoHexDigits() {
        assertEquals(Optional.of("20010db8000000000000000000000001"), IpAddress.hex("2001:db8::1"));
    }

    @Test
    void aCidrBlockIsTheRangeOfItsAddresses() {
        String[] range = IpAddress.range("198.51.100.0/24");
        assertArrayEquals(new String[] {"00000000000000000000ffffc6336400", "00000000000000000000ffffc63364ff"}, range);
        String inside = IpAddress.hex("198.51.100.42").orElseThrow();
        String outside = IpAddress.hex("198.51.101.1").orElseThrow();
        assertTrue(inside.compareTo(range[0]) >= 0 && inside.compareTo(range[1]) <= 0);
        assertTrue(outside.compareTo(range[1]) > 0);
    }

    @Test
    void aSingleAddressIsARangeOfOne() {
        String[] range = IpAddress.range("2001:db8::1");
        assertEquals(range[0], range[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "example.org", "256.1.1.1", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x",
        "2001:db8::/129", "1.2.3", ""})
    void anythingElseIsRefusedWithoutAskingDns(String value) {
        InvalidIpAddressException e = assertThrows(InvalidIpAddressException.class, () -> IpAddress.range(value));
        assertEquals("invalid_ip_address", e.type());
    }
}
