package org.sciplat.token.core.token;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sciplat.token.core.schema.InMemoryDatabase;
import org.sciplat.token.core.scope.Scope;
import org.sciplat.token.core.scope.ShippedScopes;

/**
 * The token rules wired as the container wires them, over a real store: EclipseLink on an in-memory H2 database
 * with every migration. Each call a test makes through {@link #inTransaction} is one transaction with a fresh
 * persistence context, as a call into an enterprise bean is.
 */
public final class TokenDomain implements AutoCloseable {

    public static final String BOOTSTRAP = "gt-BootstrapBootstrapBoot.BootstrapBootstrapBoot";
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    /** The shipped default: no limit. */
    public static final LifetimePolicy POLICY = new LifetimePolicy(null, Map.of(), null, List.of());

    private final EntityManagerFactory factory;
    private final EntityManager em;
    private final List<Consumer<TokenChanged>> observers = new ArrayList<>();
    private final TokenStore store;
    private final TokenVerifier verifier = new TokenVerifier();
    private final Tokens tokens = new Tokens();
    private final Delegations delegations = new Delegations();
    private final TokenExpiry expiry = new TokenExpiry();
    private final Rotations rotations = new Rotations();

    public TokenDomain(InMemoryDatabase database) {
        factory = database.persistenceUnit();
        em = factory.createEntityManager();
        store = new TokenStore(em);
        Event<TokenChanged> changes = new Announcements();
        verifier.store = store;
        verifier.bootstrapToken = Optional.of(BOOTSTRAP);
        tokens.store = store;
        tokens.catalogue = ShippedScopes.catalogue();
        tokens.changes = changes;
        tokens.verifier = verifier;
        tokens.policy = POLICY;
        delegations.store = store;
        delegations.changes = changes;
        delegations.lifetime = SESSION_LIFETIME;
        rotations.store = store;
        rotations.changes = changes;
        rotations.verifier = verifier;
        rotations.policy = POLICY;
        expiry.store = store;
        expiry.changes = changes;
        expiry.verifier = verifier;
    }

    public EntityManager entityManager() {
        return em;
    }

    public TokenStore store() {
        return store;
    }

    public TokenVerifier verifier() {
        return verifier;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Delegations delegations() {
        return delegations;
    }

    public Rotations rotations() {
        return rotations;
    }

    public TokenExpiry expiry() {
        return expiry;
    }

    /** Hears every change the rules announce, as an observer of the CDI event does. */
    public void observe(Consumer<TokenChanged> observer) {
        observers.add(observer);
    }

    /**
     * Runs the work in a transaction, committed if it returns and rolled back if it throws; inside one already,
     * the work joins it, as a call from one bean to another does.
     */
    public <T> T inTransaction(Supplier<T> work) {
        EntityTransaction transaction = em.getTransaction();
        if (transaction.isActive()) {
            return work.get();
        }
        transaction.begin();
        try {
            T result = work.get();
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.clear();
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Verification as a request makes it (its last-used stamp is a transaction of its own). */
    public VerifiedToken verify(String presented) {
        return inTransaction(() -> verifier.verify(presented));
    }

    public VerifiedToken bootstrap() {
        return verify(BOOTSTRAP);
    }

    /** A user token made by an administrator, with these scopes and user:token, and its holder as the caller. */
    public VerifiedToken user(String username, String... scopes) {
        Set<String> granted = new TreeSet<>(List.of(scopes));
        granted.add(Scope.USER_TOKEN);
        NewToken created = inTransaction(() -> tokens.createForUser(bootstrap(), username, TokenType.USER,
                "own " + username, null, granted, null, "192.0.2.1"));
        return verify(created.credential().reveal());
    }

    /** A login session as Sessions makes one, and the token its holder presents. */
    public String session(String username, String... scopes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TokenCredential credential = TokenCredential.generate();
        Set<String> granted = new TreeSet<>(List.of(scopes));
        granted.add(Scope.USER_TOKEN);
        inTransaction(() -> store.add(new Token(credential, username, TokenType.SESSION, null, null, granted, null, null,
                now, now.plus(SESSION_LIFETIME))));
        return credential.reveal();
    }

    @Override
    public void close() {
        em.close();
        factory.close();
    }

    /** The synchronous half of a CDI event: every observer hears the change in the caller's transaction. */
    private final class Announcements implements Event<TokenChanged> {

        @Override
        public void fire(TokenChanged change) {
            observers.forEach(observer -> observer.accept(change));
        }

        @Override
        public <U extends TokenChanged> CompletionStage<U> fireAsync(U change) {
            throw new UnsupportedOperationException("token changes are announced synchronously");
        }

        @Override
        public <U extends TokenChanged> CompletionStage<U> fireAsync(U change, NotificationOptions options) {
            throw new UnsupportedOperationException("token changes are announced synchronously");
        }

        @Override
        public Event<TokenChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends TokenChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends TokenChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
