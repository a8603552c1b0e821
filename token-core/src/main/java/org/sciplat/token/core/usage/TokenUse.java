package org.sciplat.token.core.usage;

import java.time.Instant;
import java.util.Objects;

/** A token was last used from this client address with this service ({@code api}, {@code tap}) at this time. */
public record TokenUse(String ipAddress, String service, Instant lastSeen) {

    public TokenUse {
        Objects.requireNonNull(ipAddress);
        Objects.requireNonNull(service);
        Objects.requireNonNull(lastSeen);
    }
}
