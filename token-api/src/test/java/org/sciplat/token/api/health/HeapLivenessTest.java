package org.sciplat.token.api.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A restart is due only when what survives collection nearly fills the maximum heap. */
class HeapLivenessTest {

    private static final long MAX = 1_000_000_000L;

    @Test
    void plentyOfHeadroomIsAlive() {
        assertFalse(HeapLiveness.isExhausted(MAX / 2, MAX));
    }

    @Test
    void liveDataAtTheLimitIsStillAlive() {
        assertFalse(HeapLiveness.isExhausted((long) (MAX * HeapLiveness.MAX_SHARE_AFTER_GC), MAX));
    }

    @Test
    void liveDataBeyondTheLimitIsExhausted() {
        assertTrue(HeapLiveness.isExhausted(MAX - MAX / 100, MAX));
    }

    @Test
    void withoutAKnownMaximumNothingIsExhausted() {
        assertFalse(HeapLiveness.isExhausted(MAX, -1));
    }
}
