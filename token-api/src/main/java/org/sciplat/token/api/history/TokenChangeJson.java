package org.sciplat.token.api.history;

import java.util.List;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.history.TokenChangeEntry;

/** A change history row in the anchor's JSON shape; old_* only on edits, for what changed. */
public record TokenChangeJson(
        String token,
        String username,
        String tokenType,
        String tokenName,
        String parent,
        List<String> scopes,
        String service,
        Long expires,
        String actor,
        String action,
        String oldTokenName,
        List<String> oldScopes,
        Long oldExpires,
        String ipAddress,
        Long eventTime) {

    static TokenChangeJson of(TokenChangeEntry e) {
        return new TokenChangeJson(e.key(), e.username(), e.type().wireName(), e.name(), e.parentKey(),
                List.copyOf(e.scopes()), e.service(), Epoch.of(e.expires()), e.actor(), e.action().wireName(),
                e.oldName(), e.oldScopes() == null ? null : List.copyOf(e.oldScopes()), Epoch.of(e.oldExpires()),
                e.ipAddress(), Epoch.of(e.eventTime()));
    }
}
