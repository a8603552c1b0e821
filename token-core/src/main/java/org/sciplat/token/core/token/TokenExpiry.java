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
import org.sciplat.token.core.history.TokenChangeAction;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.schema.SchemaMigration;

/**
 * Deletes tokens past their expiry, each with an {@code expire} history row by {@code <internal>}, and drops
 * history older than the retention period. Verification refuses an expired token by itself; this keeps the
 * lists and the database honest.
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

    @PostConstruct
    void schedule() {
        timerService.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void run() {
        if (!schema.isComplete()) {
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
        for (Token token : expired) {
            history.record(token.info(), TokenChangeAction.EXPIRE, INTERNAL_ACTOR, null, now);
            em.remove(token);
        }
        verifier.invalidate(expired.stream().map(Token::key).toList());
        if (!expired.isEmpty()) {
            LOG.info(() -> "Expired " + expired.size() + " tokens");
        }
        return expired.size();
    }
}
