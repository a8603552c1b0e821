package org.sciplat.token.core.token;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.InvalidGracePeriodException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.RequestField;

/**
 * Rotation: a new secret for the same token (key, name, scopes, children), with a fresh expiry as far ahead as the
 * token was given when it was created or last rotated (within the {@link LifetimePolicy}). The old secret may keep working for a grace period (none
 * by default, at most {@link #MAX_GRACE}), so that whatever uses it can be changed over without an outage. A
 * token may rotate itself, so a lab or a script renews its own token before it expires.
 */
@Stateless
public class Rotations {

    public static final Duration MAX_GRACE = Duration.ofDays(7);

    @Inject
    TokenStore store;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    TokenVerifier verifier;

    @Inject
    LifetimePolicy policy;

    public NewToken rotate(VerifiedToken actor, String username, String key, Duration grace, String ipAddress) {
        actor.requireRealUser();
        boolean itself = key.equals(actor.key());
        if (!itself) {
            actor.requireMayManage(username);
        }
        Token token = (TokenCredential.isKey(key) ? store.findLocked(key) : Optional.<Token>empty())
                .filter(found -> found.username().equals(username))
                .orElseThrow(() -> new NotFoundException("Token not found", RequestField.KEY));
        if (token.type() != TokenType.USER && token.type() != TokenType.SERVICE) {
            throw new PermissionDeniedException("Only user and service tokens can be rotated");
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new InvalidGracePeriodException("grace_period must be between 0 and " + MAX_GRACE.toSeconds()
                    + " seconds (7 days)");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TokenInfo before = token.info();
        // service tokens are the operator's: the users' lifetime policy is not theirs
        Instant expires = token.type() == TokenType.USER
                ? policy.rotatedExpiry(token.scopes(), token.lifetime(), now)
                : token.lifetime().map(now::plus).orElse(null);
        TokenCredential fresh = TokenCredential.rotated(key);
        token.rotate(fresh, now, expires, grace.isZero() ? null : now.plus(grace.truncatedTo(ChronoUnit.SECONDS)));
        changes.fire(TokenChanged.rotated(before, token.info(), actor.actor(), ipAddress, now));
        verifier.invalidate(List.of(key));
        return new NewToken(fresh, token.info());
    }
}
