package org.sciplat.token.core.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token was created, edited, revoked or expired: announced as a synchronous CDI event inside the transaction
 * that made the change, so its history row commits or rolls back with it. {@code before} is set on edits and
 * rotations only.
 */
public record TokenChanged(TokenChangeAction action, TokenInfo token, Optional<TokenInfo> before, String actor,
        String ipAddress, Instant at) {

    public TokenChanged {
        Objects.requireNonNull(action);
        Objects.requireNonNull(token);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(at);
        if (before.isPresent() != (action == TokenChangeAction.EDIT || action == TokenChangeAction.ROTATE)) {
            throw new IllegalArgumentException("Only an edit or a rotation has a before");
        }
    }

    public static TokenChanged of(TokenChangeAction action, TokenInfo token, String actor, String ipAddress, Instant at) {
        return new TokenChanged(action, token, Optional.empty(), actor, ipAddress, at);
    }

    static TokenChanged rotated(TokenInfo before, TokenInfo after, String actor, String ipAddress, Instant at) {
        return new TokenChanged(TokenChangeAction.ROTATE, after, Optional.of(before), actor, ipAddress, at);
    }

    static TokenChanged edited(TokenInfo before, TokenInfo after, String actor, String ipAddress, Instant at) {
        return new TokenChanged(TokenChangeAction.EDIT, after, Optional.of(before), actor, ipAddress, at);
    }
}
