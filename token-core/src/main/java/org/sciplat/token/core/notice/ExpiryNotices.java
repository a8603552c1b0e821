package org.sciplat.token.core.notice;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.cluster.ClusterLease;
import org.sciplat.token.core.schema.SchemaMigration;
import org.sciplat.token.core.token.Token;
import org.sciplat.token.core.token.TokenStore;

/**
 * Every expiry interval, finds the user tokens that expire within one of the notice thresholds
 * ({@code sciplat.expiry.email-days}, 7 and 1 by default) and has their owners told, once per token and threshold:
 * the nearest threshold reached only (a token made to expire in 12 hours gets the 1-day notice alone), recorded
 * on the token in the transaction that announces it. A {@link ClusterLease} lets one instance of a cluster do it
 * per interval; an edit of the expiry or a rotation starts the notices afresh.
 */
@Singleton
@Startup
public class ExpiryNotices {

    static final String LEASE = "token-expiry-notice";

    @Inject
    TokenStore store;

    @Inject
    Event<ExpiryNoticeDue> notices;

    @Inject
    ClusterLease lease;

    @EJB
    SchemaMigration schema;

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "sciplat.expiry.interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "sciplat.expiry.email-days", defaultValue = "7,1")
    List<Integer> thresholds;

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void run() {
        if (thresholds.isEmpty() || !schema.isComplete()
                || !lease.acquire(LEASE, interval.multipliedBy(9).dividedBy(10))) {
            return;
        }
        TreeSet<Integer> days = new TreeSet<>(thresholds);
        Instant now = Instant.now();
        for (Token token : store.userTokensExpiringBy(now, now.plus(Duration.ofDays(days.last())))) {
            Duration left = Duration.between(now, token.expires());
            // the nearest threshold the token is within: 1 for 20 hours left, 7 for 3 days
            Integer reached = days.ceiling((int) Math.min(Integer.MAX_VALUE, (left.toSeconds() + 86_399) / 86_400));
            if (reached != null && token.noteExpiryNotice(reached)) {
                notices.fire(new ExpiryNoticeDue(token.info(), reached));
            }
        }
    }
}
