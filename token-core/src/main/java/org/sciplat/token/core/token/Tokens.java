package org.sciplat.token.core.token;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sciplat.token.core.DuplicateTokenNameException;
import org.sciplat.token.core.InvalidExpiresException;
import org.sciplat.token.core.InvalidScopesException;
import org.sciplat.token.core.InvalidTokenNameException;
import org.sciplat.token.core.InvalidTokenTypeException;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.scope.ScopeCatalogue;
import org.sciplat.token.core.user.Username;

/**
 * What can be done with tokens, and by whom. Every method takes the verified caller and applies the anchor token
 * service's rules itself, so that the API and the web UI cannot disagree about them.
 */
@Stateless
public class Tokens {

    /** An explicit expiry must leave at least this long, as in the anchor. */
    static final Duration MINIMUM_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_NAME_LENGTH = 64;

    /** Newest use first, never-used after used, then newest first, then by key: the anchor's list order. */
    private static final Comparator<TokenInfo> LIST_ORDER = Comparator
            .comparing(TokenInfo::lastUsed, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(TokenInfo::created, Comparator.reverseOrder())
            .thenComparing(TokenInfo::key);

    @Inject
    TokenStore store;

    @Inject
    ScopeCatalogue catalogue;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    TokenVerifier verifier;

    @Inject
    LifetimePolicy policy;

    /** A user creates a named token for themselves, with at most their own scopes unless they hold admin:token. */
    public NewToken createUserToken(VerifiedToken actor, String username, String name, String description,
            Collection<String> scopes, Instant expires, String ipAddress) {
        actor.requireRealUser();
        if (!actor.username().equals(username)) {
            throw new PermissionDeniedException("Tokens can only be created for yourself here");
        }
        actor.requireMayManage(username);
        Set<String> requested = new TreeSet<>(scopes);
        catalogue.requireKnown(requested);
        if (!actor.isAdmin() && !actor.scopes().containsAll(requested)) {
            throw new InvalidScopesException("Requested scopes are broader than your current scopes");
        }
        return issueNamed(actor, username, TokenType.USER, name, description, requested, expires, ipAddress);
    }

    /** An administrator creates a user token for anyone, or a service token for a bot. */
    public NewToken createForUser(VerifiedToken actor, String username, TokenType type, String name,
            String description, Collection<String> scopes, Instant expires, String ipAddress) {
        actor.requireAdmin();
        if (!Username.isValid(username)) {
            throw new InvalidUsernameException("Invalid username: " + username);
        }
        Set<String> requested = new TreeSet<>(scopes);
        catalogue.requireKnown(requested);
        if (type == TokenType.USER) {
            return issueNamed(actor, username, TokenType.USER, name, description, requested, expires, ipAddress);
        }
        if (type != TokenType.SERVICE) {
            throw new InvalidTokenTypeException("Only user and service tokens can be created here",
                    RequestField.TOKEN_TYPE);
        }
        if (name != null) {
            throw new InvalidTokenNameException("Service tokens cannot have a name");
        }
        if (!Username.isBot(username)) {
            throw new InvalidUsernameException("Service tokens are for bot- users only");
        }
        Instant now = now();
        requireValidExpiry(expires, now);
        TokenCredential credential = TokenCredential.generate();
        return issue(actor, credential, new Token(credential, username, TokenType.SERVICE, null, description,
                requested, null, null, now, truncate(expires)), ipAddress, now);
    }

    public List<TokenInfo> list(VerifiedToken actor, String username) {
        actor.requireMayManage(username);
        return store.ofUser(username).stream()
                .map(Token::info)
                .sorted(LIST_ORDER)
                .toList();
    }

    public TokenInfo get(VerifiedToken actor, String username, String key) {
        actor.requireMayManage(username);
        return owned(username, key).info();
    }

    /** The tokens delegated directly from one of a user's tokens, in list order. */
    public List<TokenInfo> children(VerifiedToken actor, String username, String key) {
        actor.requireMayManage(username);
        return store.children(owned(username, key).key()).stream()
                .map(Token::info)
                .sorted(LIST_ORDER)
                .toList();
    }

    /**
     * Whether a user could create a token with this name now, so a form can say so before it is sent; the
     * creation itself checks again, since another may take the name meanwhile.
     */
    public boolean isNameAvailable(VerifiedToken actor, String username, String name) {
        actor.requireMayManage(username);
        return !store.isNameTaken(username, name);
    }

    /** The calling token itself. */
    public TokenInfo info(VerifiedToken actor) {
        actor.requireRealUser();
        return store.find(actor.key()).map(Token::info).orElseThrow(() -> new NotFoundException("Token not found"));
    }

    /** An administrator edits a user token; shortening its expiry shortens its descendants' too. */
    public TokenInfo modify(VerifiedToken actor, String username, String key, TokenChanges edit,
            String ipAddress) {
        actor.requireAdmin();
        Token token = owned(username, key);
        if (token.type() != TokenType.USER) {
            throw new PermissionDeniedException("Only user tokens can be modified");
        }
        if (edit.isEmpty()) {
            return token.info();
        }
        Instant now = now();
        TokenInfo before = token.info();
        if (edit.name() != null && !edit.name().equals(token.name())) {
            requireValidName(edit.name());
            requireUniqueName(username, edit.name());
            token.rename(edit.name());
            try {
                store.write();
            } catch (PersistenceException | EJBException e) {
                // two edits to one new name at once: the pre-check passed for both, the unique constraint did not
                throw new DuplicateTokenNameException(edit.name());
            }
        }
        if (edit.description() != null) {
            token.describe(edit.description().orElse(null));
        }
        if (edit.scopes() != null) {
            catalogue.requireKnown(edit.scopes());
            token.rescope(edit.scopes());
        }
        if (edit.expires() != null) {
            Instant expires = edit.expires().map(Tokens::truncate).orElse(null);
            requireValidExpiry(expires, now);
            token.expireAt(expires);
            if (expires != null) {
                capDescendants(token, expires, actor, ipAddress, now);
            }
        }
        if (edit.scopes() != null || edit.expires() != null) {
            policy.check(token.scopes(), token.expires(), now);
        }
        changes.fire(TokenChanged.edited(before, token.info(), actor.actor(), ipAddress, now));
        verifier.invalidate(List.of(key));
        return token.info();
    }

    /** Revokes a token and, deepest first, every token delegated from it. */
    public void revoke(VerifiedToken actor, String username, String key, String ipAddress) {
        actor.requireMayManage(username);
        Token root = owned(username, key);
        Instant now = now();
        List<Token> deepestFirst = new ArrayList<>(store.withDescendants(root));
        Collections.reverse(deepestFirst);
        for (Token token : deepestFirst) {
            changes.fire(TokenChanged.of(TokenChangeAction.REVOKE, token.info(), actor.actor(), ipAddress, now));
        }
        store.remove(deepestFirst);
        verifier.invalidate(deepestFirst.stream().map(Token::key).toList());
    }

    private NewToken issueNamed(VerifiedToken actor, String username, TokenType type, String name,
            String description, Set<String> scopes, Instant expires, String ipAddress) {
        requireValidName(name);
        Instant now = now();
        requireValidExpiry(expires, now);
        policy.check(scopes, expires, now);
        requireUniqueName(username, name);
        TokenCredential credential = TokenCredential.generate();
        return issue(actor, credential, new Token(credential, username, type, name, description, scopes, null,
                null, now, truncate(expires)), ipAddress, now);
    }

    private NewToken issue(VerifiedToken actor, TokenCredential credential, Token token, String ipAddress,
            Instant now) {
        try {
            store.add(token);
        } catch (PersistenceException | EJBException e) {
            // two creations with one name at once: the pre-check passed for both, the unique constraint did not
            // (in the container, the store's bean hands the PersistenceException on inside an EJBException)
            if (token.name() != null) {
                throw new DuplicateTokenNameException(token.name());
            }
            throw e;
        }
        changes.fire(TokenChanged.of(TokenChangeAction.CREATE, token.info(), actor.actor(), ipAddress, now));
        return new NewToken(credential, token.info());
    }

    /** The user's token with this key; {@link NotFoundException} if there is none, or it is another user's. */
    private Token owned(String username, String key) {
        return (TokenCredential.isKey(key) ? store.find(key) : Optional.<Token>empty())
                .filter(token -> token.username().equals(username))
                .orElseThrow(() -> new NotFoundException("Token not found", RequestField.KEY));
    }

    private void capDescendants(Token root, Instant expires, VerifiedToken actor, String ipAddress, Instant now) {
        List<Token> tree = store.withDescendants(root);
        for (Token child : tree.subList(1, tree.size())) {
            if (child.expires() == null || child.expires().isAfter(expires)) {
                TokenInfo before = child.info();
                child.expireAt(expires);
                changes.fire(TokenChanged.edited(before, child.info(), actor.actor(), ipAddress, now));
                verifier.invalidate(List.of(child.key()));
            }
        }
    }

    private void requireUniqueName(String username, String name) {
        if (store.isNameTaken(username, name)) {
            throw new DuplicateTokenNameException(name);
        }
    }

    private static void requireValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidTokenNameException(
                    "Token name must be between 1 and " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTokenNameException("Token name must not contain control characters");
        }
    }

    private static void requireValidExpiry(Instant expires, Instant now) {
        if (expires != null && expires.isBefore(now.plus(MINIMUM_LIFETIME))) {
            throw new InvalidExpiresException();
        }
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
