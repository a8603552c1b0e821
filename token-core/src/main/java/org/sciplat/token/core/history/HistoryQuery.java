package org.sciplat.token.core.history;

import java.time.Instant;
import org.sciplat.token.core.token.TokenType;

/**
 * Which change history rows to list; every criterion is optional. {@code key} matches the token and its direct
 * children, as in the anchor; {@code ipAddress} is an address or a CIDR block.
 */
public record HistoryQuery(
        Instant since,
        Instant until,
        String username,
        String actor,
        String key,
        TokenType type,
        String ipAddress) {

    public static HistoryQuery all() {
        return new HistoryQuery(null, null, null, null, null, null, null);
    }

    public HistoryQuery forUser(String user) {
        return new HistoryQuery(since, until, user, actor, key, type, ipAddress);
    }

    public HistoryQuery forKey(String tokenKey) {
        return new HistoryQuery(since, until, username, actor, tokenKey, type, ipAddress);
    }
}
