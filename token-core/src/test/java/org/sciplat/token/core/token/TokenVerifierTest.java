package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.schema.InMemoryDatabase;

/** Verification against the store, and what its cache must never answer wrongly. */
class TokenVerifierTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    private static TokenDomain domain;
    private String username;
    private NewToken laptop;

    @BeforeAll
    static void database() {
        domain = new TokenDomain(InMemoryDatabase.migrated("tokens-verifier"));
    }

    @AfterAll
    static void close() {
        domain.close();
    }

    @BeforeEach
    void aUserToken() {
        username = "carol-" + USERS.incrementAndGet();
        VerifiedToken carol = domain.user(username, "read:tap");
        laptop = domain.inTransaction(() -> domain.tokens().createUserToken(carol, username, "laptop",
                Set.of("read:tap"), null, null));
    }

    @Test
    void aValidTokenIsItsOwnersWithItsScopes() {
        VerifiedToken verified = domain.verify(laptop.credential().reveal());

        assertEquals(laptop.info().key(), verified.key());
        assertEquals(username, verified.username());
        assertEquals(TokenType.USER, verified.type());
        assertEquals(Set.of("read:tap"), verified.scopes());
        assertNotNull(domain.store().find(verified.key()).orElseThrow().lastUsed(), "the use is stamped");
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertRefused(TokenCredential.generate().reveal());
    }

    @Test
    void aWrongSecretIsRefusedEvenOnceTheTokenIsCached() {
        String wrong = TokenCredential.derive(TokenCredential.generate().reveal(), laptop.info().key()).reveal();

        assertRefused(wrong);
        domain.verify(laptop.credential().reveal());
        assertRefused(wrong);
    }

    @Test
    void malformedTokensAreRefused() {
        for (String presented : new String[] {null, "", "gt-", "Bearer x", "gt-short.secret"}) {
            assertRefused(presented);
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TokenCredential expired = TokenCredential.generate();
        domain.inTransaction(() -> domain.store().add(new Token(expired, username, TokenType.USER, "old", Set.of(),
                null, null, now.minus(Duration.ofDays(1)), now.minusSeconds(1))));

        assertRefused(expired.reveal());
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceThoughItWasCached() {
        String presented = laptop.credential().reveal();
        domain.verify(presented);

        domain.inTransaction(() -> domain.tokens().revoke(domain.bootstrap(), username, laptop.info().key(), null));

        assertRefused(presented);
    }

    @Test
    void aTokenDeletedElsewhereStaysCachedUntilInvalidated() {
        String presented = laptop.credential().reveal();
        domain.verify(presented);
        domain.inTransaction(() -> domain.store().removeIfPresent(laptop.info().key()));

        assertEquals(username, domain.verify(presented).username(), "what the change watch is for");
        domain.verifier().invalidate(List.of(laptop.info().key()));
        assertRefused(presented);
    }

    @Test
    void theCacheAnswersARepeatedVerification() {
        String presented = laptop.credential().reveal();
        double before = domain.verifier().cacheHitRatio();

        domain.verify(presented);
        domain.verify(presented);

        assertTrue(domain.verifier().cacheHitRatio() > 0, "was " + before);
    }

    @Test
    void theBootstrapTokenIsAnAdministratorWithoutAKey() {
        VerifiedToken bootstrap = domain.bootstrap();

        assertTrue(bootstrap.bootstrap());
        assertTrue(bootstrap.isAdmin());
        assertNull(bootstrap.key());
    }

    @Test
    void aJwtsParentIsVerifiedByKeyAlone() {
        assertEquals(username, domain.inTransaction(() -> domain.verifier().verifyParent(laptop.info().key()))
                .username());
        assertThrows(InvalidTokenException.class, () -> domain.verifier().verifyParent("not a key"));
        assertThrows(InvalidTokenException.class,
                () -> domain.verifier().verifyParent(TokenCredential.generate().key()));
    }

    private static void assertRefused(String presented) {
        assertThrows(InvalidTokenException.class, () -> domain.verify(presented));
    }
}
