package org.sciplat.token.core.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.sciplat.token.core.InvalidTokenException;

/**
 * Verifies presented tokens: the hot path of every authenticated request.
 *
 * <p>Results are cached, positive and negative, in bounded caches: a JDK client retries a wrong password about
 * twenty times, and all but the first attempt are answered from memory. Revoking or editing a token invalidates
 * its entry at once, and a cached token is never accepted past its expiry. {@code last_used} is written at most
 * once a minute per token, so verification stays a read.
 *
 * <p>A token whose secret lacks its checksum is refused as malformed before any look-up, unless its key is one of
 * the tokens issued before the checksum existed: those keys are read from the database at most every five
 * minutes, and only when such a token is presented.
 */
@ApplicationScoped
public class TokenVerifier {

    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final Duration POSITIVE_TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 100_000;
    private static final Duration LEGACY_KEYS_TTL = Duration.ofMinutes(5);

    @Inject
    TokenStore store;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "sciplat.bootstrap-token")
    Optional<String> bootstrapToken;

    @Inject
    MetricRegistry metrics;

    private final Cache<String, Known> known =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(POSITIVE_TTL).build();
    private final Cache<String, Boolean> refused =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(NEGATIVE_TTL).build();
    private final AtomicLong databaseLookups = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile LegacyKeys legacyKeys;

    @PostConstruct
    void start() {
        bootstrapToken.ifPresent(TokenCredential::parse);
        // the figures operators watch: look-ups that reached the database, and those the cache answered
        metrics.gauge("token.verification.database.lookups", databaseLookups, AtomicLong::get);
        metrics.gauge("token.verification.cache.hits", cacheHits, AtomicLong::get);
        metrics.gauge("token.verification.cache.hit.ratio", this, TokenVerifier::cacheHitRatio);
        metrics.gauge("token.verification.malformed", malformed, AtomicLong::get);
    }

    /** The identity behind a presented token; {@link InvalidTokenException} for anything not currently valid. */
    public VerifiedToken verify(String presented) {
        if (bootstrapToken.isPresent() && presented != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), bootstrapToken.get().getBytes(StandardCharsets.UTF_8))) {
            return VerifiedToken.bootstrapToken();
        }
        TokenCredential credential = parse(presented);
        // keyed by the key and the hash of the secret: the cache must not become a store of secrets
        String attempt = credential.key() + "." + credential.secretHash();
        if (refused.getIfPresent(attempt) != null) {
            cacheHits.incrementAndGet();
            throw notValid();
        }
        Optional<Known> found = find(credential.key());
        Instant now = Instant.now();
        if (found.isEmpty() || !found.get().accepts(credential, now)) {
            refused.put(attempt, Boolean.TRUE);
            throw notValid();
        }
        Known entry = found.get();
        requireUnexpired(entry, now);
        markUsed(entry, now);
        return entry.token;
    }

    /**
     * The token a JWT was exchanged from, while it is neither revoked nor expired. The JWT's signature stands in
     * for the secret, so only the token's key is at hand; a JWT use is not the token's use, so last_used stays.
     */
    public VerifiedToken verifyParent(String key) {
        if (!TokenCredential.isKey(key)) {
            throw notValid();
        }
        Known entry = find(key).orElseThrow(TokenVerifier::notValid);
        requireUnexpired(entry, Instant.now());
        return entry.token;
    }

    /**
     * Forgets these tokens at once, after a revocation, an edit or an expiry, and again when the transaction that
     * changed them ends: a verification that read the old row before the commit must not keep it cached.
     */
    public void invalidate(Collection<String> keys) {
        List<String> changed = List.copyOf(keys);
        known.invalidateAll(changed);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    known.invalidateAll(changed);
                }
            });
        }
    }

    /**
     * A well-formed token: of the right shape, and with its checksum or else one issued before checksums. A token
     * refused here cost no database look-up.
     */
    public TokenCredential parse(String presented) {
        TokenCredential credential;
        try {
            credential = TokenCredential.parse(presented);
        } catch (InvalidTokenException e) {
            malformed.incrementAndGet();
            throw e;
        }
        if (!credential.hasChecksum() && !legacyKeys().contains(credential.key())) {
            malformed.incrementAndGet();
            throw new InvalidTokenException("Token is malformed");
        }
        return credential;
    }

    /** The share of verifications the cache answered, since the start; 0 before the first. */
    double cacheHitRatio() {
        long hits = cacheHits.get();
        long all = hits + databaseLookups.get();
        return all == 0 ? 0 : (double) hits / all;
    }

    private Optional<Known> find(String key) {
        Known entry = known.getIfPresent(key);
        if (entry != null) {
            cacheHits.incrementAndGet();
            return Optional.of(entry);
        }
        databaseLookups.incrementAndGet();
        Optional<Known> stored = store.find(key).map(Known::new);
        stored.ifPresent(found -> known.put(key, found));
        return stored;
    }

    private Set<String> legacyKeys() {
        LegacyKeys current = legacyKeys;
        Instant now = Instant.now();
        if (current == null || current.loaded.plus(LEGACY_KEYS_TTL).isBefore(now)) {
            synchronized (this) {
                current = legacyKeys;
                if (current == null || current.loaded.plus(LEGACY_KEYS_TTL).isBefore(now)) {
                    current = new LegacyKeys(Set.copyOf(store.keysWithoutChecksum()), now);
                    legacyKeys = current;
                }
            }
        }
        return current.keys;
    }

    private void requireUnexpired(Known entry, Instant now) {
        if (entry.token.expires() != null && !entry.token.expires().isAfter(now)) {
            known.invalidate(entry.token.key());
            throw notValid();
        }
    }

    private void markUsed(Known entry, Instant now) {
        Instant previous = entry.lastUsedWritten.get();
        if (previous != null && Duration.between(previous, now).compareTo(LAST_USED_RESOLUTION) < 0) {
            return;
        }
        if (entry.lastUsedWritten.compareAndSet(previous, now)) {
            store.markUsed(entry.token.key(), now);
        }
    }

    private static InvalidTokenException notValid() {
        return new InvalidTokenException("Token is not valid");
    }

    /** The keys of tokens issued without a checksum, as read at a time: none are issued any more. */
    private record LegacyKeys(Set<String> keys, Instant loaded) {
    }

    private static final class Known {
        final VerifiedToken token;
        final Token stored;
        final AtomicReference<Instant> lastUsedWritten;

        Known(Token stored) {
            this.token = VerifiedToken.of(stored);
            this.stored = stored;
            this.lastUsedWritten = new AtomicReference<>(stored.lastUsed());
        }

        /** The current secret, or the one a rotation replaced while its grace period lasts. */
        boolean accepts(TokenCredential credential, Instant now) {
            return stored.hasSecretOf(credential, now);
        }
    }
}
