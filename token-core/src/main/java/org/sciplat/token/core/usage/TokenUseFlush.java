package org.sciplat.token.core.usage;

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
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.schema.SchemaMigration;

/**
 * Stores the uses each instance gathered, every {@code sciplat.usage.flush-interval}: every instance flushes its
 * own, so no lease is needed. A flush that fails (a token deleted at that very moment) drops its uses.
 */
@Singleton
@Startup
public class TokenUseFlush {

    private static final Logger LOG = Logger.getLogger(TokenUseFlush.class.getName());

    @Inject
    TokenUses uses;

    @EJB
    TokenUseStore store;

    @EJB
    SchemaMigration schema;

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "sciplat.usage.flush-interval", defaultValue = "PT30S")
    Duration interval;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flush() {
        if (!schema.isComplete()) {
            return;
        }
        Map<TokenUses.Place, Instant> gathered = uses.drain();
        if (gathered.isEmpty()) {
            return;
        }
        try {
            store.record(gathered);
        } catch (PersistenceException | jakarta.ejb.EJBException e) {
            LOG.log(Level.FINE, "Dropped " + gathered.size() + " token uses", e);
        }
    }
}
