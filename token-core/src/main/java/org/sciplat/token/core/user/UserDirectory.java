package org.sciplat.token.core.user;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sciplat.token.core.AuthenticationFailedException;

/** Looks up users, checks the built-in ones' passwords and keeps what the identity provider says of the others. */
@Stateless
public class UserDirectory {

    @PersistenceContext(unitName = "tokens")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    /**
     * Checked when the username is unknown, so that a wrong username costs as long as a wrong password. One for
     * the application, not one per pooled bean: each costs a full PBKDF2 run.
     */
    private static volatile String decoyHash;

    @PostConstruct
    void prepare() {
        // The container's default is far fewer iterations than current advice for PBKDF2-HMAC-SHA256. Stored hashes
        // name their own parameters, so hashes made with other settings keep verifying.
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        if (decoyHash == null) {
            decoyHash = passwordHash.generate(UUID.randomUUID().toString().toCharArray());
        }
    }

    public Optional<DirectoryUser> find(String username) {
        return Username.isValid(username) ? Optional.ofNullable(em.find(DirectoryUser.class, username)) : Optional.empty();
    }

    /** The user with this name and password; any mismatch is the same failure, whatever was wrong. */
    public DirectoryUser authenticate(String username, String password) {
        Optional<DirectoryUser> user = find(username);
        // a federated user has no password here: the decoy is checked, and the answer is the same as for a stranger
        String hash = user.flatMap(DirectoryUser::passwordHash).orElse(decoyHash);
        boolean matches = password != null && passwordHash.verify(password.toCharArray(), hash);
        if (user.isEmpty() || user.get().federated() || !matches) {
            throw new AuthenticationFailedException("Invalid username or password");
        }
        return user.get();
    }

    /** The users whose names start with this prefix (of a username's characters only), sorted. */
    public List<String> usernamesStartingWith(String prefix, int limit) {
        return em.createQuery("SELECT u.username FROM DirectoryUser u WHERE u.username LIKE :prefix "
                        + "ORDER BY u.username", String.class)
                .setParameter("prefix", prefix + "%")
                .setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createNamedQuery("DirectoryUser.count", Long.class).getSingleResult();
    }

    public DirectoryUser add(UserProfile profile, char[] password) {
        DirectoryUser user = new DirectoryUser(profile, passwordHash.generate(password),
                LocalDateTime.now(Clock.systemUTC()));
        em.persist(user);
        return user;
    }

    /**
     * Keeps what the identity provider (and LDAP) said of a user at this login, for user-info and notices. A
     * built-in user of the same name becomes the provider's: the provider decides who may log in.
     */
    public DirectoryUser recordFederated(UserProfile profile) {
        DirectoryUser user = em.find(DirectoryUser.class, profile.username());
        if (user == null) {
            user = DirectoryUser.federated(profile, LocalDateTime.now(Clock.systemUTC()));
            em.persist(user);
        } else {
            user.federate(profile);
        }
        return user;
    }
}
