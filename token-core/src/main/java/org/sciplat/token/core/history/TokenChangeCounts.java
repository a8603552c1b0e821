package org.sciplat.token.core.history;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.TokenChanged;
import org.sciplat.token.core.token.TokenType;

/**
 * Token creations, revocations and expiries by token type, for the monitoring ({@code token.creations},
 * {@code token.revocations}, {@code token.expirations}). A change counts once the transaction that made it has
 * committed: a creation refused and rolled back is no creation.
 */
@ApplicationScoped
public class TokenChangeCounts {

    private static final Map<TokenChangeAction, String> COUNTED = Map.of(
            TokenChangeAction.CREATE, "token.creations",
            TokenChangeAction.REVOKE, "token.revocations",
            TokenChangeAction.EXPIRE, "token.expirations");

    @Inject
    MetricRegistry metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<TokenChangeAction, Map<TokenType, Counter>> counters = new EnumMap<>(TokenChangeAction.class);

    @PostConstruct
    void register() {
        COUNTED.forEach((action, name) -> {
            Map<TokenType, Counter> byType = new EnumMap<>(TokenType.class);
            for (TokenType type : TokenType.values()) {
                byType.put(type, metrics.counter(name, new Tag("type", type.wireName())));
            }
            counters.put(action, byType);
        });
    }

    /** Created with the application, not at the first change: every series exists at 0 from the start. */
    void created(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // creating the bean registered the counters
    }

    /** Counts the change when the transaction that made it commits; an edit is not counted. */
    void countOnCommit(@Observes TokenChanged change) {
        if (!counters.containsKey(change.action())) {
            return;
        }
        Counter counter = counters.get(change.action()).get(change.token().type());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the outcome is not known yet
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.inc();
                }
            }
        });
    }
}
