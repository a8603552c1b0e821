package org.sciplat.token.core.history;

import java.time.Instant;
import java.util.SortedSet;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.TokenType;

/** A change history row as callers see it; the {@code old*} values are set on edits, for what changed. */
public record TokenChangeEntry(
        String key,
        String username,
        TokenType type,
        String name,
        String description,
        String parentKey,
        SortedSet<String> scopes,
        String service,
        Instant expires,
        String actor,
        TokenChangeAction action,
        String oldName,
        String oldDescription,
        SortedSet<String> oldScopes,
        Instant oldExpires,
        String ipAddress,
        Instant eventTime) {
}
