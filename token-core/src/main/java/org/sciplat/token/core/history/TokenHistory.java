package org.sciplat.token.core.history;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.InvalidLimitException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.TokenChanged;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * The token change history: records every change the token rules announce, and lists it to those allowed to see
 * it, a page at a time, newest first.
 */
@Stateless
public class TokenHistory {

    public static final int MAX_PAGE = 1000;

    @Inject
    HistoryStore store;

    /** Synchronous, so the row is written in the transaction that made the change. */
    public void record(@Observes TokenChanged change) {
        store.add(new TokenChange(change));
    }

    /** The history of one of a user's tokens and of the tokens delegated directly from it. */
    public HistoryPage ofToken(VerifiedToken actor, String username, String key, HistoryQuery query, String cursor,
            int limit) {
        actor.requireMayManage(username);
        HistoryPage page = search(query.forUser(username).forKey(key), cursor, limit);
        if (page.total() == 0) {
            throw new NotFoundException("No history for token " + key, RequestField.KEY);
        }
        return page;
    }

    public HistoryPage ofUser(VerifiedToken actor, String username, HistoryQuery query, String cursor, int limit) {
        actor.requireMayManage(username);
        return search(query.forUser(username), cursor, limit);
    }

    public HistoryPage all(VerifiedToken actor, HistoryQuery query, String cursor, int limit) {
        actor.requireAdmin();
        return search(query, cursor, limit);
    }

    /** Deletes the rows older than the cut-off; returns how many. */
    public int dropBefore(Instant cutoff) {
        return store.removeBefore(cutoff);
    }

    /** One page of the rows matching the query, newest first, with cursors to the pages beside it. */
    private HistoryPage search(HistoryQuery query, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidLimitException("limit must be between 1 and " + MAX_PAGE);
        }
        long total = store.count(query);
        Optional<HistoryCursor> position = Optional.ofNullable(cursor).map(HistoryCursor::parse);
        boolean backwards = position.map(HistoryCursor::previous).orElse(false);
        List<TokenChange> rows = new ArrayList<>(store.page(query, position, limit + 1));
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
            if (backwards || more) {
                next = Optional.of(HistoryCursor.at(rows.get(rows.size() - 1), false).toString());
            }
            if ((backwards && more) || (!backwards && position.isPresent())) {
                previous = Optional.of(HistoryCursor.at(rows.get(0), true).toString());
            }
        }
        return new HistoryPage(rows.stream().map(TokenChange::entry).toList(), total, next, previous);
    }
}
