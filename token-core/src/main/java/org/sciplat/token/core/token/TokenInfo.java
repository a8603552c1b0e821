package org.sciplat.token.core.token;

import java.time.Instant;
import java.util.SortedSet;

/** What anyone allowed to see a token may know of it: everything but its secret. */
public record TokenInfo(
        String key,
        String username,
        TokenType type,
        String name,
        String description,
        SortedSet<String> scopes,
        String service,
        Instant created,
        Instant lastUsed,
        Instant expires,
        String parentKey) {
}
