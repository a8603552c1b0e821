package org.sciplat.token.core.history;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sciplat.token.core.InvalidCursorException;
import org.sciplat.token.core.InvalidLimitException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.UtcTime;

/** Writes and searches the token change history. Authorization is the caller's business (see Tokens). */
@Stateless
public class TokenHistory {

    public static final int MAX_PAGE = 1000;
    private static final Pattern CURSOR = Pattern.compile("(p?)(\\d{1,12})_(\\d{1,18})");

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    @Inject
    TokenChangeCounts counts;

    /** Every creation, revocation and expiry passes through here, so here they are counted too. */
    public void record(TokenInfo token, TokenChangeAction action, String actor, String ipAddress, Instant at) {
        em.persist(new TokenChange(token, action, actor, ipAddress, at));
        counts.countOnCommit(action, token.type());
    }

    public void recordEdit(TokenInfo before, TokenInfo after, String actor, String ipAddress, Instant at) {
        TokenChange change = new TokenChange(after, TokenChangeAction.EDIT, actor, ipAddress, at);
        change.before(before);
        em.persist(change);
    }

    /**
     * One page of the rows matching the query, newest first. A cursor comes from a previous page; an unknown or
     * malformed one is refused rather than silently restarting from the top.
     */
    public HistoryPage search(HistoryQuery query, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidLimitException("limit must be between 1 and " + MAX_PAGE);
        }
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters);
        long total = count("SELECT COUNT(c) FROM TokenChange c" + where, parameters);

        Optional<Position> position = Optional.ofNullable(cursor).map(TokenHistory::parseCursor);
        boolean backwards = position.map(Position::backwards).orElse(false);
        StringBuilder jpql = new StringBuilder("SELECT c FROM TokenChange c").append(where);
        Map<String, Object> pageParameters = new HashMap<>(parameters);
        position.ifPresent(p -> {
            jpql.append(where.isEmpty() ? " WHERE " : " AND ");
            jpql.append(p.backwards()
                    ? "(c.eventTime > :cursorTime OR (c.eventTime = :cursorTime AND c.id > :cursorId))"
                    : "(c.eventTime < :cursorTime OR (c.eventTime = :cursorTime AND c.id < :cursorId))");
            pageParameters.put("cursorTime", UtcTime.toColumn(Instant.ofEpochSecond(p.epochSecond())));
            pageParameters.put("cursorId", p.id());
        });
        jpql.append(backwards ? " ORDER BY c.eventTime ASC, c.id ASC" : " ORDER BY c.eventTime DESC, c.id DESC");
        TypedQuery<TokenChange> page = em.createQuery(jpql.toString(), TokenChange.class).setMaxResults(limit + 1);
        pageParameters.forEach(page::setParameter);
        List<TokenChange> rows = new ArrayList<>(page.getResultList());
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        Optional<String> next = Optional.empty();
        Optional<String> previous = Optional.empty();
        if (!rows.isEmpty()) {
            TokenChange first = rows.get(0);
            TokenChange last = rows.get(rows.size() - 1);
            if (backwards || more) {
                next = Optional.of(cursorOf(last, false));
            }
            if ((backwards && more) || (!backwards && position.isPresent())) {
                previous = Optional.of(cursorOf(first, true));
            }
        }
        return new HistoryPage(rows.stream().map(TokenChange::entry).toList(), total, next, previous);
    }

    /** Deletes rows older than the cut-off; returns how many. */
    /**
     * The revocations, edits and expiries recorded at or after {@code since}: the changes that make a cached
     * verification wrong. Token key by history row id.
     */
    public Map<Long, String> invalidatingChangesSince(Instant since) {
        Map<Long, String> changes = new HashMap<>();
        em.createQuery("SELECT c.id, c.tokenKey FROM TokenChange c WHERE c.eventTime >= :since "
                        + "AND c.action IN :actions", Object[].class)
                .setParameter("since", UtcTime.toColumn(since))
                .setParameter("actions", List.of(TokenChangeAction.REVOKE, TokenChangeAction.EDIT,
                        TokenChangeAction.EXPIRE))
                .getResultList()
                .forEach(row -> changes.put((Long) row[0], (String) row[1]));
        return changes;
    }

    public int purgeBefore(Instant cutoff) {
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

    private long count(String jpql, Map<String, Object> parameters) {
        TypedQuery<Long> count = em.createQuery(jpql, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private static String cursorOf(TokenChange change, boolean backwards) {
        return (backwards ? "p" : "") + change.eventTime().getEpochSecond() + "_" + change.id();
    }

    private static Position parseCursor(String cursor) {
        Matcher m = CURSOR.matcher(cursor);
        if (!m.matches()) {
            throw new InvalidCursorException(cursor);
        }
        return new Position(!m.group(1).isEmpty(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    private record Position(boolean backwards, long epochSecond, long id) {
    }
}
