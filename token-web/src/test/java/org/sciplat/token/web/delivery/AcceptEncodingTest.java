package org.sciplat.token.web.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip, deflate, br, zstd", "br;q=1.0, GZIP;q=0.5", "x-gzip", "*", "identity, *;q=0.1",
            "*;q=0, gzip", " gzip ; q=1 "})
    void takesGzip(String header) {
        assertTrue(AcceptEncoding.takesGzip(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.000", "gzip;q=0, *", "*;q=0",
            "gzipped", "deflate, gzip;Q=0"})
    void refusesOrDoesNotNameGzip(String header) {
        assertFalse(AcceptEncoding.takesGzip(header), header);
    }

    @Test
    void noHeaderIsNoGzip() {
        assertFalse(AcceptEncoding.takesGzip(null));
    }
}
