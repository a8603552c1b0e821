package org.sciplat.token.core.token;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.scope.Scope;

/**
 * Who is calling, established from a presented token: the identity and scopes every authorization decision in
 * token-core is made on.
 */
public record VerifiedToken(
        String key,
        String username,
        TokenType type,
        SortedSet<String> scopes,
        Instant expires,
        boolean bootstrap) {

    /** The history's actor for the bootstrap token. */
    public static final String BOOTSTRAP_ACTOR = "<bootstrap>";

    static VerifiedToken of(Token token) {
        return new VerifiedToken(token.key(), token.username(), token.type(), token.scopes(), token.expires(), false);
    }

    static VerifiedToken bootstrapToken() {
        return new VerifiedToken(null, BOOTSTRAP_ACTOR, TokenType.SERVICE, new TreeSet<>(Set.of(Scope.ADMIN_TOKEN)),
                null, true);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean isAdmin() {
        return hasScope(Scope.ADMIN_TOKEN);
    }

    /** The name the change history records for actions taken with this token. */
    public String actor() {
        return username;
    }

    /** Refuses the bootstrap token, which only acts on the administrative routes. */
    public VerifiedToken requireRealUser() {
        if (bootstrap) {
            throw new PermissionDeniedException("The bootstrap token may only be used for administrative actions");
        }
        return this;
    }

    /** Allows acting on this user's tokens: oneself with user:token, or anyone with admin:token. */
    public void requireMayManage(String owner) {
        if (isAdmin()) {
            return;
        }
        if (!username.equals(owner)) {
            throw new PermissionDeniedException("Tokens of another user may only be managed with admin:token");
        }
        if (!hasScope(Scope.USER_TOKEN)) {
            throw new PermissionDeniedException("Managing tokens requires the user:token scope");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new PermissionDeniedException("This requires the admin:token scope");
        }
    }
}
