package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static InMemoryDatabase database;
    private static TokenDomain domain;
    private String username;
    private NewToken laptop;

    @BeforeAll
    static void database() {
        database = InMemoryDatabase.migrated("tokens-verifier");
        domain = new TokenDomain(database);
    }

    @AfterAll
    static void close() {
        domain.close();
    }

    @BeforeEach
    void aUserToken() {
        username = "carol-" + USERS.incrementAndGet();
        VerifiedToken carol = domain.user(username, "read:tap");
        laptop = domain.inTransaction(() -> domain.tokens().createUserToken(carol, username, "laptop", null,
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
        domain.inTransaction(() -> domain.store().add(new Token(expired, username, TokenType.USER, "old", null, Set.of(),
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

    @Test
    void aOneCharacterTypoIsRefusedAsMalformedWithoutALookup() {
        String presented = laptop.credential().reveal();
        char[] typo = presented.toCharArray();
        typo[10] = typo[10] == 'x' ? 'y' : 'x';
        double ratioBefore = domain.verifier().cacheHitRatio();

        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> domain.verify(new String(typo)));

        assertEquals("Token is malformed", e.getMessage());
        assertEquals(ratioBefore, domain.verifier().cacheHitRatio(), "neither a look-up nor a cache hit");
    }

    @Test
    void aTokenIssuedBeforeChecksumsStillWorks() {
        TokenCredential legacy = TokenCredential.parse("gt-" + TokenCredential.generate().key() + "."
                + TokenCredential.generate().key());
        assertFalse(legacy.hasChecksum());
        domain.inTransaction(() -> domain.store().add(new Token(legacy, username, TokenType.USER, "before",
                null, Set.of("read:tap"), null, null, Instant.now().truncatedTo(ChronoUnit.SECONDS), null)));

        // a fresh instance, as after the upgrade: it has not read the keys of such tokens yet
        try (TokenDomain upgraded = new TokenDomain(database)) {
            assertEquals(username, upgraded.verify(legacy.reveal()).username());
        }
    }

    private static void assertRefused(String presented) {
        assertThrows(InvalidTokenException.class, () -> domain.verify(presented));
    }
}
