package org.sciplat.token.core.token;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The database side of verification: one primary-key read, and the occasional last-used stamp. */
@Stateless
public class TokenLookup {

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Token> find(String key) {
        return Optional.ofNullable(em.find(Token.class, key));
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
