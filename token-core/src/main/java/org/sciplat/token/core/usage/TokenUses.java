package org.sciplat.token.core.usage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * Where tokens are used. A use is noted in memory, latest time per token, address and service, at the cost of a
 * map update; {@link TokenUseFlush} stores what gathered every {@code sciplat.usage.flush-interval}, one row per
 * token, address and service, keeping the {@value TokenUseStore#KEPT} most recent per token. So a token used a
 * thousand times a minute from one place costs one write a flush, and a crash loses at most one interval's uses.
 */
@ApplicationScoped
public class TokenUses {

    /** Bounds the memory between flushes; beyond it, uses are dropped until the next flush. */
    static final int MAX_PENDING = 100_000;

    @Inject
    Tokens tokens;

    @Inject
    TokenUseStore store;

    private final ConcurrentHashMap<Place, Instant> pending = new ConcurrentHashMap<>();

    /** The token was just used from this address with this service; keyless tokens (the bootstrap) are not. */
    public void seen(VerifiedToken token, String ipAddress, String service) {
        if (token.key() == null || ipAddress == null || (pending.size() >= MAX_PENDING
                && !pending.containsKey(new Place(token.key(), ipAddress, service)))) {
            return;
        }
        pending.merge(new Place(token.key(), ipAddress, service), Instant.now(),
                (old, fresh) -> fresh.isAfter(old) ? fresh : old);
    }

    /** The uses of one of a user's tokens, most recent first: yourself with user:token, or admin:token. */
    public List<TokenUse> of(VerifiedToken actor, String username, String key) {
        tokens.get(actor, username, key);
        return store.recent(key);
    }

    /** Takes what gathered since the last call. */
    Map<Place, Instant> drain() {
        Map<Place, Instant> taken = new HashMap<>();
        for (Place place : pending.keySet()) {
            Instant at = pending.remove(place);
            if (at != null) {
                taken.put(place, at);
            }
        }
        return taken;
    }

    /** A token's use from one address with one service. */
    record Place(String key, String ipAddress, String service) {
    }
}
