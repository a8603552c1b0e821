package org.sciplat.token.core.quota;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Every query on the quota override tables. */
@Stateless
public class QuotaOverrideStore {

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    /** The override, with its row locked until the transaction ends, so two admins' changes are recorded in turn. */
    public Optional<QuotaOverride> findLocked(String username) {
        return Optional.ofNullable(em.find(QuotaOverride.class, username, LockModeType.PESSIMISTIC_WRITE));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<QuotaOverride> find(String username) {
        return Optional.ofNullable(em.find(QuotaOverride.class, username));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QuotaOverride> all() {
        return em.createQuery("SELECT o FROM QuotaOverride o ORDER BY o.username", QuotaOverride.class)
                .getResultList();
    }

    public void add(QuotaOverride override) {
        em.persist(override);
    }

    public void remove(QuotaOverride override) {
        em.remove(override);
    }

    public void record(QuotaOverrideChange change) {
        em.persist(change);
    }

    /** The user's changes, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<QuotaOverrideChange> history(String username, int limit) {
        return em.createQuery("SELECT c FROM QuotaOverrideChange c WHERE c.username = :username "
                        + "ORDER BY c.eventTime DESC, c.id DESC", QuotaOverrideChange.class)
                .setParameter("username", username)
                .setMaxResults(limit)
                .getResultList();
    }
}
