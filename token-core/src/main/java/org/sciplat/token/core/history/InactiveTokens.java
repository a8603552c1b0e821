package org.sciplat.token.core.history;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * A user's tokens that ended lately, revoked, reported leaked or expired, for {@code sciplat.tokens.inactive-shown}
 * (30 days by default) after the end: listed with why and when, from the change history, instead of vanishing from
 * the lists the moment they stop working.
 */
@Stateless
public class InactiveTokens {

    @Inject
    HistoryStore store;

    @Inject
    @ConfigProperty(name = "sciplat.tokens.inactive-shown", defaultValue = "P30D")
    Duration shown;

    /** The change that ended each of the user's tokens within the period, latest first. */
    public List<TokenChangeEntry> of(VerifiedToken actor, String username) {
        actor.requireMayManage(username);
        return store.endedSince(username, Instant.now().minus(shown)).stream().map(TokenChange::entry).toList();
    }
}
