package org.sciplat.token.core.token;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes tokens past their expiry, each with an {@code expire} change by {@code <internal>}. Verification refuses
 * an expired token by itself; this keeps the lists and the database honest.
 *
 * <p>Should two instances ever run it at once, a token's row is deleted before its change is announced, and only
 * by the run whose delete removed it, so no expiry is recorded twice.
 */
@Stateless
public class TokenExpiry {

    public static final String INTERNAL_ACTOR = "<internal>";
    private static final Logger LOG = Logger.getLogger(TokenExpiry.class.getName());

    @Inject
    TokenStore store;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    TokenVerifier verifier;

    /** Expires every token whose time has come; returns how many. */
    public int expireTokens() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Token> expired = store.expiredAt(now);
        int deleted = 0;
        for (Token token : expired) {
            if (store.removeIfPresent(token.key())) {
                changes.fire(TokenChanged.of(TokenChangeAction.EXPIRE, token.info(), INTERNAL_ACTOR, null, now));
                deleted++;
            }
        }
        verifier.invalidate(expired.stream().map(Token::key).toList());
        int count = deleted;
        if (count > 0) {
            LOG.info(() -> "Expired " + count + " tokens");
        }
        return count;
    }
}
