package org.sciplat.token.core.token;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.InvalidMinimumLifetimeException;
import org.sciplat.token.core.InvalidServiceException;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.PermissionDeniedException;

/**
 * Tokens delegated from a login session: the notebook token (the session's scopes) and internal tokens for a
 * named service (the requested scopes the session holds). A delegated token is reused while it has at least half
 * its lifetime left, or the requested minimum; a new session gets new ones, so logging in again renews them.
 */
@Stateless
public class Delegations {

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<TokenType> SESSION_ONLY = EnumSet.of(TokenType.SESSION);
    /**
     * Behind the ingress check any token a user holds may be the parent (a script's user token at a portal that
     * delegates, a notebook token at TAP), as at the anchor; service tokens are bots', which have no delegation.
     */
    private static final Set<TokenType> INGRESS_PARENTS =
            EnumSet.of(TokenType.SESSION, TokenType.USER, TokenType.NOTEBOOK, TokenType.INTERNAL);

    @Inject
    TokenStore store;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    @ConfigProperty(name = "sciplat.session.lifetime")
    Duration lifetime;

    /** The session's notebook token, the same one for as long as it stays fresh enough. */
    public NewToken notebook(VerifiedToken session, String presentedSession, Duration minimumLifetime,
            String ipAddress) {
        return delegate(session, presentedSession, TokenType.NOTEBOOK, null, session.scopes(), minimumLifetime,
                ipAddress, SESSION_ONLY);
    }

    /** The notebook token the ingress check hands to a notebook service: a child of the token presented. */
    public NewToken notebookAtIngress(VerifiedToken caller, String presented, Duration minimumLifetime,
            String ipAddress) {
        return delegate(caller, presented, TokenType.NOTEBOOK, null, caller.scopes(), minimumLifetime, ipAddress,
                INGRESS_PARENTS);
    }

    /** The internal token the ingress check hands to the service named by {@code delegate_to}. */
    public NewToken internalAtIngress(VerifiedToken caller, String presented, String service, Set<String> scopes,
            Duration minimumLifetime, String ipAddress) {
        return internal(caller, presented, service, scopes, minimumLifetime, ipAddress, INGRESS_PARENTS);
    }

    /** An internal token for a service, with the requested scopes that the session holds (possibly none). */
    public NewToken internal(VerifiedToken session, String presentedSession, String service, Set<String> scopes,
            Duration minimumLifetime, String ipAddress) {
        return internal(session, presentedSession, service, scopes, minimumLifetime, ipAddress, SESSION_ONLY);
    }

    private NewToken internal(VerifiedToken session, String presentedSession, String service, Set<String> scopes,
            Duration minimumLifetime, String ipAddress, Set<TokenType> parents) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw new InvalidServiceException("A service name of lower-case letters, digits, '.', '_' and '-', "
                    + "at most 64 characters, is required");
        }
        SortedSet<String> granted = new TreeSet<>(scopes);
        granted.retainAll(session.scopes());
        return delegate(session, presentedSession, TokenType.INTERNAL, service, granted, minimumLifetime, ipAddress,
                parents);
    }

    private NewToken delegate(VerifiedToken session, String presentedSession, TokenType type, String service,
            SortedSet<String> scopes, Duration minimumLifetime, String ipAddress, Set<TokenType> parents) {
        if (session.bootstrap() || !parents.contains(session.type()) || !presents(presentedSession, session)) {
            throw new PermissionDeniedException(parents.equals(SESSION_ONLY)
                    ? "Delegated tokens are made from a login session only"
                    : "Delegated tokens are made from a user's own token, not from a JWT or a service token");
        }
        Duration minimum = minimumLifetime == null ? Duration.ZERO : minimumLifetime;
        if (minimum.isNegative() || minimum.compareTo(lifetime.minus(Tokens.MINIMUM_LIFETIME)) > 0) {
            throw new InvalidMinimumLifetimeException("minimum_lifetime must be between 0 and "
                    + lifetime.minus(Tokens.MINIMUM_LIFETIME).toSeconds() + " seconds");
        }
        // Locking the session row makes concurrent requests of one session wait for each other, so they share
        // one delegated token instead of each minting its own.
        Token parent = store.findLocked(session.key())
                .orElseThrow(() -> new InvalidTokenException("Token is not valid"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Optional<Token> reusable = store.children(parent.key()).stream()
                .filter(child -> child.type() == type)
                .filter(child -> Objects.equals(child.service(), service))
                .filter(child -> child.scopes().equals(scopes))
                .filter(child -> isFreshEnough(child, now, minimum))
                .max(Comparator.comparing(Token::expires));
        if (reusable.isPresent()) {
            return new NewToken(TokenCredential.derive(presentedSession, reusable.get().key()), reusable.get().info());
        }
        Instant expires = now.plus(lifetime);
        if (parent.expires() != null && parent.expires().isBefore(expires)) {
            expires = parent.expires();
        }
        if (Duration.between(now, expires).compareTo(minimum) < 0) {
            throw new InvalidMinimumLifetimeException(
                    "The session expires before the requested minimum lifetime; log in again");
        }
        TokenCredential credential = TokenCredential.derive(presentedSession, TokenCredential.newKey());
        Token child = new Token(credential, parent.username(), type, null, null, scopes, service, parent.key(), now,
                expires);
        store.add(child);
        changes.fire(TokenChanged.of(TokenChangeAction.CREATE, child.info(), session.actor(), ipAddress, now));
        return new NewToken(credential, child.info());
    }

    /**
     * Whether the session token itself was presented, not a JWT exchanged from it: delegated secrets derive from
     * the session's own token, and a short-lived JWT must not mint tokens that outlive it.
     */
    static boolean presents(String presented, VerifiedToken session) {
        try {
            return TokenCredential.parse(presented).key().equals(session.key());
        } catch (InvalidTokenException e) {
            return false;
        }
    }

    private static boolean isFreshEnough(Token child, Instant now, Duration minimum) {
        if (child.expires() == null) {
            return true;
        }
        Duration left = Duration.between(now, child.expires());
        Duration total = Duration.between(child.created(), child.expires());
        return left.compareTo(total.dividedBy(2)) >= 0 && left.compareTo(minimum) >= 0;
    }
}
