package org.sciplat.token.core.quota;

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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.sciplat.token.core.schema.SchemaMigration;

/**
 * Shares the quota counts of this instance with the others on the database, once a second ({@link ApiQuotas}), and
 * takes in the admins' overrides, which another instance may have changed ({@link UserQuotas}).
 */
@Singleton
@Startup
public class QuotaSync {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(QuotaSync.class.getName());

    @Inject
    ApiQuotas quotas;

    @Inject
    UserQuotas userQuotas;

    @Inject
    QuotaOverrideStore overrides;

    @EJB
    SchemaMigration schema;

    @Resource
    TimerService timerService;

    private boolean failing;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(INTERVAL.toMillis(), INTERVAL.toMillis(), new TimerConfig(null, false));
    }

    // outside a transaction: a failed write must not roll back and make the container repeat the tick at once
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!schema.isComplete()) {
            return;
        }
        try {
            quotas.synchronise(Instant.now());
            userQuotas.replaceAll(overrides.all().stream()
                    .collect(Collectors.toMap(QuotaOverride::username, QuotaOverride::limits)));
            if (failing) {
                LOG.info("Sharing quota counts again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            // each instance keeps counting on its own meanwhile; say it once, not every second
            if (!failing) {
                LOG.log(Level.WARNING, "Cannot share quota counts with the other instances", e);
                failing = true;
            }
        }
    }
}
