package org.sciplat.token.core.usage;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code token_use} table: the last few places each token was used from. */
@Stateless
public class TokenUseStore {

    /** Distinct address and service pairs kept per token, as GitLab keeps five addresses. */
    static final int KEPT = 5;

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    /** The token's uses, most recent first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TokenUse> recent(String key) {
        List<TokenUse> uses = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT ip_address, service, last_seen FROM token_use "
                        + "WHERE token_key = ? ORDER BY last_seen DESC, ip_address, service")
                .setParameter(1, key)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            uses.add(new TokenUse((String) columns[0], (String) columns[1], instant(columns[2])));
        }
        return uses;
    }

    /**
     * Stores the gathered uses in one transaction of its own (the casts let PostgreSQL type the selected
     * parameters): newer times replace older ones, each token keeps its {@value #KEPT} most recent places, and the
     * uses of tokens deleted since are dropped. It locks rows of token_use only, so it never waits on a token.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Map<TokenUses.Place, Instant> uses) {
        uses.forEach((place, at) -> {
            LocalDateTime seen = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
            int updated = em.createNativeQuery("UPDATE token_use SET last_seen = ? WHERE token_key = ? "
                            + "AND ip_address = ? AND service = ? AND last_seen < ?")
                    .setParameter(1, seen).setParameter(2, place.key()).setParameter(3, place.ipAddress())
                    .setParameter(4, place.service()).setParameter(5, seen)
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO token_use (token_key, ip_address, service, last_seen) "
                                + "SELECT t.token_key, CAST(? AS VARCHAR(45)), CAST(? AS VARCHAR(16)), "
                                + "CAST(? AS TIMESTAMP) FROM token t WHERE t.token_key = ? AND NOT EXISTS "
                                + "(SELECT 1 FROM token_use u WHERE u.token_key = t.token_key AND u.ip_address = ? "
                                + "AND u.service = ?)")
                        .setParameter(1, place.ipAddress()).setParameter(2, place.service()).setParameter(3, seen)
                        .setParameter(4, place.key()).setParameter(5, place.ipAddress())
                        .setParameter(6, place.service())
                        .executeUpdate();
            }
        });
        uses.keySet().stream().map(TokenUses.Place::key).distinct().forEach(this::keepMostRecent);
        em.createNativeQuery("DELETE FROM token_use WHERE NOT EXISTS "
                        + "(SELECT 1 FROM token t WHERE t.token_key = token_use.token_key)")
                .executeUpdate();
    }

    private void keepMostRecent(String key) {
        List<TokenUse> uses = recent(key);
        for (TokenUse old : uses.subList(Math.min(KEPT, uses.size()), uses.size())) {
            em.createNativeQuery("DELETE FROM token_use WHERE token_key = ? AND ip_address = ? AND service = ?")
                    .setParameter(1, key).setParameter(2, old.ipAddress()).setParameter(3, old.service())
                    .executeUpdate();
        }
    }

    private static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) column).toInstant(ZoneOffset.UTC);
    }
}
