package org.sciplat.token.core.history;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sciplat.token.core.schema.SchemaMigration;
import org.sciplat.token.core.token.TokenVerifier;

/**
 * Tells this instance's verification cache about tokens revoked, edited or expired by any instance sharing the
 * database, by reading the change history a few times a second: a token revoked anywhere is refused here within
 * a second. The history is read over a trailing window rather than from the last id seen, because each instance
 * allocates history ids in blocks of its own, and a change may commit a moment after its row's time; the window
 * also absorbs clock differences between instances.
 */
@Singleton
@Startup
public class TokenChangeWatch {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration WINDOW = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(TokenChangeWatch.class.getName());

    @Inject
    HistoryStore store;

    @Inject
    TokenVerifier verifier;

    @EJB
    SchemaMigration schema;

    @Resource
    TimerService timerService;

    /** History rows already acted on, with when they were first read, so each evicts its token once. */
    private final Map<Long, Instant> seen = new HashMap<>();
    private boolean failing;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                new TimerConfig(null, false));
    }

    // outside a transaction: a failed read must not roll back and make the container repeat the tick at once
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        if (!schema.isComplete()) {
            return;
        }
        Instant now = Instant.now();
        try {
            Map<Long, String> changes = store.invalidatingChangesSince(now.minus(WINDOW));
            List<String> keys = changes.entrySet().stream()
                    .filter(change -> seen.putIfAbsent(change.getKey(), now) == null)
                    .map(Map.Entry::getValue)
                    .toList();
            if (!keys.isEmpty()) {
                verifier.invalidate(keys);
            }
            seen.values().removeIf(first -> first.isBefore(now.minus(WINDOW.multipliedBy(2))));
            if (failing) {
                LOG.info("Reading the token change history again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // the database being away is readiness's news; say it once, not four times a second
            if (!failing) {
                LOG.log(Level.WARNING, "Cannot read the token change history; revocations made by other "
                        + "instances reach this one once it can", e);
                failing = true;
            }
        }
    }
}
