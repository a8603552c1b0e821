package org.sciplat.token.core.websession;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/** Every query on the web session table. */
@Stateless
public class WebLoginStore {

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    public void add(WebLogin login) {
        em.persist(login);
    }

    /** The logins of these session tokens; a token without one was a login through the API. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WebLogin> ofTokens(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT w FROM WebLogin w WHERE w.tokenKey IN :keys", WebLogin.class)
                .setParameter("keys", keys)
                .getResultList();
    }
}
