package org.sciplat.token.api;

import java.time.Instant;

/** Times on the wire: whole seconds since the epoch, as the platform's clients expect. */
public final class Epoch {

    private Epoch() {
    }

    public static Long of(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
