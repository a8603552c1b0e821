package org.sciplat.token.api.token;

import java.util.List;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.token.TokenInfo;

/** A token as the anchor's JSON shows it: epoch seconds, absent fields left out. */
public record TokenJson(
        String token,
        String username,
        String tokenType,
        String tokenName,
        List<String> scopes,
        String service,
        Long created,
        Long lastUsed,
        Long expires,
        String parent) {

    public static TokenJson of(TokenInfo info) {
        return new TokenJson(info.key(), info.username(), info.type().wireName(), info.name(),
                List.copyOf(info.scopes()), info.service(), Epoch.of(info.created()), Epoch.of(info.lastUsed()),
                Epoch.of(info.expires()), info.parentKey());
    }
}
