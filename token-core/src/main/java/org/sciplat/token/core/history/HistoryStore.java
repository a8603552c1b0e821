package org.sciplat.token.core.history;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.UtcTime;

/** Every query on the change history table: the rules in this package read and write history only through here. */
@Stateless
public class HistoryStore {

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    public HistoryStore() {
        // for the container, which injects the entity manager
    }

    /** Over an entity manager whose transactions the caller runs, as outside a container. */
    public HistoryStore(EntityManager em) {
        this.em = em;
    }

    public void add(TokenChange change) {
        em.persist(change);
    }

    /** How many rows match the query. */
    public long count(HistoryQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM TokenChange c" + where(query, parameters),
                Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * At most {@code limit} rows matching the query, newest first; past a cursor, those beyond it in its
     * direction, nearest first (so a previous cursor's rows come oldest first).
     */
    public List<TokenChange> page(HistoryQuery query, Optional<HistoryCursor> cursor, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters);
        StringBuilder jpql = new StringBuilder("SELECT c FROM TokenChange c").append(where);
        boolean previous = cursor.map(HistoryCursor::previous).orElse(false);
        cursor.ifPresent(c -> {
            jpql.append(where.isEmpty() ? " WHERE " : " AND ");
            jpql.append(c.previous()
                    ? "(c.eventTime > :cursorTime OR (c.eventTime = :cursorTime AND c.id > :cursorId))"
                    : "(c.eventTime < :cursorTime OR (c.eventTime = :cursorTime AND c.id < :cursorId))");
            parameters.put("cursorTime", UtcTime.toColumn(Instant.ofEpochSecond(c.epochSecond())));
            parameters.put("cursorId", c.id());
        });
        jpql.append(previous ? " ORDER BY c.eventTime ASC, c.id ASC" : " ORDER BY c.eventTime DESC, c.id DESC");
        TypedQuery<TokenChange> page = em.createQuery(jpql.toString(), TokenChange.class).setMaxResults(limit);
        parameters.forEach(page::setParameter);
        return page.getResultList();
    }

    /**
     * The revocations (leak reports too), edits, rotations and expiries recorded at or after {@code since}: the changes that make a cached
     * verification wrong. Token key by history row id.
     */
    public Map<Long, String> invalidatingChangesSince(Instant since) {
        Map<Long, String> changes = new HashMap<>();
        em.createQuery("SELECT c.id, c.tokenKey FROM TokenChange c WHERE c.eventTime >= :since "
                        + "AND c.action IN :actions", Object[].class)
                .setParameter("since", UtcTime.toColumn(since))
                .setParameter("actions", List.of(TokenChangeAction.REVOKE, TokenChangeAction.EDIT,
                        TokenChangeAction.EXPIRE, TokenChangeAction.LEAKED, TokenChangeAction.ROTATE))
                .getResultList()
                .forEach(row -> changes.put((Long) row[0], (String) row[1]));
        return changes;
    }

    /** The changes that ended a user's tokens (revoked, leaked, expired) at or after {@code since}, latest first. */
    public List<TokenChange> endedSince(String username, Instant since) {
        return em.createQuery("SELECT c FROM TokenChange c WHERE c.username = :username AND c.eventTime >= :since "
                        + "AND c.action IN :actions ORDER BY c.eventTime DESC, c.id DESC", TokenChange.class)
                .setParameter("username", username)
                .setParameter("since", UtcTime.toColumn(since))
                .setParameter("actions", List.of(TokenChangeAction.REVOKE, TokenChangeAction.LEAKED,
                        TokenChangeAction.EXPIRE))
                .getResultList();
    }

    /** Deletes rows older than the cut-off; returns how many. */
    public int removeBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM TokenChange c WHERE c.eventTime < :cutoff")
                .setParameter("cutoff", UtcTime.toColumn(cutoff))
                .executeUpdate();
    }

    private static String where(HistoryQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.since() != null) {
            conditions.add("c.eventTime >= :since");
            parameters.put("since", UtcTime.toColumn(query.since()));
        }
        if (query.until() != null) {
            conditions.add("c.eventTime <= :until");
            parameters.put("until", UtcTime.toColumn(query.until()));
        }
        if (query.username() != null) {
            conditions.add("c.username = :username");
            parameters.put("username", query.username());
        }
        if (query.actor() != null) {
            conditions.add("c.actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.key() != null) {
            conditions.add("(c.tokenKey = :key OR c.parentKey = :key)");
            parameters.put("key", query.key());
        }
        if (query.type() != null) {
            conditions.add("c.tokenType = :type");
            parameters.put("type", query.type());
        }
        if (query.ipAddress() != null) {
            String[] range = IpAddress.range(query.ipAddress(), RequestField.IP_ADDRESS);
            conditions.add("c.ipHex BETWEEN :ipLow AND :ipHigh");
            parameters.put("ipLow", range[0]);
            parameters.put("ipHigh", range[1]);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
