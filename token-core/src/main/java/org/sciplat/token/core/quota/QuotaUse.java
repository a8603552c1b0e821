package org.sciplat.token.core.quota;

import java.time.Instant;

/**
 * A request counted against a user's quota for a service, as the X-RateLimit-* headers report it.
 *
 * @param service the service (X-RateLimit-Resource)
 * @param limit requests per minute allowed
 * @param used requests of this minute, this one included when it was admitted
 * @param reset when the minute ends and the count starts again
 * @param admitted whether this request is within the quota
 */
public record QuotaUse(String service, int limit, int used, Instant reset, boolean admitted) {

    public int remaining() {
        return Math.max(0, limit - used);
    }
}
