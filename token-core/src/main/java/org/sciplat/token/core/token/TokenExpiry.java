package org.sciplat.token.core.token;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.cluster.ClusterLease;
import org.sciplat.token.core.history.TokenChangeAction;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.schema.SchemaMigration;

/**
 * Deletes tokens past their expiry, each with an {@code expire} history row by {@code <internal>}, and drops
 * history older than the retention period. Verification refuses an expired token by itself; this keeps the
 * lists and the database honest.
 *
 * <p>Every instance on the database has the timer; a {@link ClusterLease} lets one of them run it per interval.
 * Should two runs ever overlap all the same, a token's row is deleted before its history row is written, and only
 * by the run whose delete removed it, so no expiry is recorded twice.
 */
@Singleton
@Startup
public class TokenExpiry {

    public static final String INTERNAL_ACTOR = "<internal>";
    private static final Logger LOG = Logger.getLogger(TokenExpiry.class.getName());

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    @Inject
    TokenHistory history;

    @Inject
    TokenVerifier verifier;

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
        expireTokens();
        int purged = history.purgeBefore(Instant.now().minus(retention));
        if (purged > 0) {
            LOG.info(() -> "Dropped " + purged + " change history rows older than " + retention);
        }
    }

    /** Expires every token whose time has come; returns how many. */
    public int expireTokens() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Token> expired = em.createNamedQuery("Token.expiredAt", Token.class)
                .setParameter("now", UtcTime.toColumn(now))
                .getResultList();
        int deleted = 0;
        for (Token token : expired) {
            int removed = em.createNamedQuery("Token.delete").setParameter("key", token.key()).executeUpdate();
            if (removed == 1) {
                history.record(token.info(), TokenChangeAction.EXPIRE, INTERNAL_ACTOR, null, now);
                deleted++;
            }
        }
        verifier.invalidate(expired.stream().map(Token::key).toList());
        int count = deleted;
        if (count > 0) {
            LOG.info(() -> "Expired " + count + " tokens");
        }
        return count;
    }
}
