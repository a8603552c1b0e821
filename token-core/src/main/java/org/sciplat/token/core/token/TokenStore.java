package org.sciplat.token.core.token;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Every query on the token table: the rules in this package read and write tokens only through here. */
@Stateless
public class TokenStore {

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    public TokenStore() {
        // for the container, which injects the entity manager
    }

    /** Over an entity manager whose transactions the caller runs, as outside a container. */
    public TokenStore(EntityManager em) {
        this.em = em;
    }

    /** One primary-key read: the whole database side of verifying a token the cache does not know. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Token> find(String key) {
        return Optional.ofNullable(em.find(Token.class, key));
    }

    /**
     * The token, with its row locked until the transaction ends: requests waiting on the same lock see what the
     * first one wrote.
     */
    public Optional<Token> findLocked(String key) {
        return Optional.ofNullable(em.find(Token.class, key, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The keys of the tokens issued before secrets carried a checksum. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> keysWithoutChecksum() {
        return em.createQuery("SELECT t.key FROM Token t WHERE t.secretChecksum = FALSE", String.class)
                .getResultList();
    }

    public List<Token> ofUser(String username) {
        return em.createQuery("SELECT t FROM Token t WHERE t.username = :username", Token.class)
                .setParameter("username", username)
                .getResultList();
    }

    /** The tokens delegated directly from this one. */
    public List<Token> children(String parentKey) {
        return em.createQuery("SELECT t FROM Token t WHERE t.parentKey = :parent", Token.class)
                .setParameter("parent", parentKey)
                .getResultList();
    }

    /** The token and every token delegated from it, at any depth, the token first. */
    public List<Token> withDescendants(Token root) {
        List<Token> all = new ArrayList<>();
        Deque<Token> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Token token = pending.removeFirst();
            all.add(token);
            pending.addAll(children(token.key()));
        }
        return all;
    }

    /** The users holding a token whose names start with this prefix (of a username's characters only), sorted. */
    public List<String> ownersStartingWith(String prefix, int limit) {
        return em.createQuery("SELECT DISTINCT t.username FROM Token t WHERE t.username LIKE :prefix "
                        + "ORDER BY t.username", String.class)
                .setParameter("prefix", prefix + "%")
                .setMaxResults(limit)
                .getResultList();
    }

    public boolean isNameTaken(String username, String name) {
        return !em.createQuery("SELECT t.key FROM Token t WHERE t.username = :username AND t.name = :name",
                        String.class)
                .setParameter("username", username)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The user tokens that expire after {@code now} and no later than {@code until}, locked for this transaction. */
    public List<Token> userTokensExpiringBy(Instant now, Instant until) {
        return em.createQuery("SELECT t FROM Token t WHERE t.type = :type AND t.expires > :now "
                        + "AND t.expires <= :until", Token.class)
                .setParameter("type", TokenType.USER)
                .setParameter("now", UtcTime.toColumn(now))
                .setParameter("until", UtcTime.toColumn(until))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public List<Token> expiredAt(Instant now) {
        return em.createQuery("SELECT t FROM Token t WHERE t.expires <= :now", Token.class)
                .setParameter("now", UtcTime.toColumn(now))
                .getResultList();
    }

    /**
     * Stores a new token at once, so that a broken constraint (a name taken meanwhile) fails here, as a
     * {@link jakarta.persistence.PersistenceException}, and not at the commit.
     */
    public void add(Token token) {
        em.persist(token);
        em.flush();
    }

    /**
     * Writes the changes made to tokens so far at once, so that a broken constraint (a name taken meanwhile) fails
     * here, as a {@link jakarta.persistence.PersistenceException}, and not at the commit.
     */
    public void write() {
        em.flush();
    }

    /** Deletes these tokens, in this order, at once. */
    public void remove(List<Token> tokens) {
        tokens.forEach(em::remove);
        em.flush();
    }

    /** Deletes the token unless another transaction already has; whether this call deleted it. */
    public boolean removeIfPresent(String key) {
        return em.createQuery("DELETE FROM Token t WHERE t.key = :key").setParameter("key", key).executeUpdate() == 1;
    }

    /** Stamps the token as used; a token revoked meanwhile is simply not there to stamp. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markUsed(String key, Instant at) {
        em.createQuery("UPDATE Token t SET t.lastUsed = :at WHERE t.key = :key")
                .setParameter("at", UtcTime.toColumn(at))
                .setParameter("key", key)
                .executeUpdate();
    }
}
