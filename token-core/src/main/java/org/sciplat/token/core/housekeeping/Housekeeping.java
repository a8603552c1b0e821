package org.sciplat.token.core.housekeeping;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.cluster.ClusterLease;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.schema.SchemaMigration;
import org.sciplat.token.core.token.TokenExpiry;

/**
 * Every interval, in one transaction: expires the tokens whose time has come and drops history older than the
 * retention period. Every instance on the database has the timer; a {@link ClusterLease} lets one of them run it
 * per interval.
 */
@Singleton
@Startup
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    TokenExpiry expiry;

    @Inject
    TokenHistory history;

    @Inject
    @ConfigProperty(name = "sciplat.history.retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "sciplat.expiry.interval")
    Duration interval;

    @Resource
    TimerService timerService;

    @EJB
    SchemaMigration schema;

    @Inject
    ClusterLease lease;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void run() {
        // the lease lapses a little before this instance's next tick, so the instance that ran keeps running
        if (!schema.isComplete() || !lease.acquire(ClusterLease.TOKEN_EXPIRY, interval.multipliedBy(9).dividedBy(10))) {
            return;
        }
        expiry.expireTokens();
        int dropped = history.dropBefore(Instant.now().minus(retention));
        if (dropped > 0) {
            LOG.info(() -> "Dropped " + dropped + " change history rows older than " + retention);
        }
    }
}
