package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidGracePeriodException;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.schema.InMemoryDatabase;

class RotationsTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static TokenDomain domain;
    private static final List<TokenChanged> ANNOUNCED = new ArrayList<>();

    private String username;
    private VerifiedToken owner;
    private NewToken laptop;

    @BeforeAll
    static void database() {
        domain = new TokenDomain(InMemoryDatabase.migrated("tokens-rotations"));
        domain.observe(ANNOUNCED::add);
    }

    @AfterAll
    static void close() {
        domain.close();
    }

    @BeforeEach
    void aTokenOfThirtyDays() {
        username = "dana-" + USERS.incrementAndGet();
        owner = domain.user(username, "read:tap");
        Instant expires = Instant.now().plus(Duration.ofDays(30));
        laptop = domain.inTransaction(() -> domain.tokens().createUserToken(owner, username, "laptop", null,
                Set.of("read:tap"), expires, null));
        ANNOUNCED.clear();
    }

    @Test
    void aRotationIsANewSecretForTheSameTokenWithAFreshExpiry() {
        NewToken rotated = rotate(owner, laptop.info().key(), Duration.ZERO);

        assertEquals(laptop.info().key(), rotated.info().key());
        assertEquals("laptop", rotated.info().name());
        assertEquals(Set.of("read:tap"), rotated.info().scopes());
        assertNotEquals(laptop.credential().reveal(), rotated.credential().reveal());
        assertTrue(rotated.credential().hasChecksum());
        Duration lifetime = Duration.between(laptop.info().created(), laptop.info().expires());
        Instant expected = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(lifetime);
        assertTrue(Duration.between(rotated.info().expires(), expected).abs().getSeconds() <= 2,
                rotated.info().expires() + " vs " + expected);
        assertEquals(username, domain.verify(rotated.credential().reveal()).username());
        assertThrows(InvalidTokenException.class, () -> domain.verify(laptop.credential().reveal()),
                "without grace the old secret stops at once");
    }

    @Test
    void withGraceTheOldSecretWorksUntilTheGraceEnds() {
        String old = laptop.credential().reveal();
        domain.verify(old);

        NewToken rotated = rotate(owner, laptop.info().key(), Duration.ofHours(1));

        assertEquals(username, domain.verify(old).username(), "still works, though it was cached before");
        assertEquals(username, domain.verify(rotated.credential().reveal()).username());
        Token stored = domain.inTransaction(() -> domain.store().find(laptop.info().key()).orElseThrow());
        TokenCredential oldCredential = TokenCredential.parse(old);
        Instant graceEnd = stored.previousSecretUntil();
        assertTrue(stored.hasSecretOf(oldCredential, graceEnd.minusSeconds(1)));
        assertFalse(stored.hasSecretOf(oldCredential, graceEnd), "not once the grace is over");
    }

    @Test
    void aRotationIsRecordedWithTheExpiryBefore() {
        rotate(owner, laptop.info().key(), Duration.ZERO);

        assertEquals(1, ANNOUNCED.size());
        TokenChanged change = ANNOUNCED.get(0);
        assertEquals(TokenChangeAction.ROTATE, change.action());
        assertEquals(laptop.info().expires(), change.before().orElseThrow().expires());
    }

    @Test
    void aTokenMayRotateItselfWithoutUserToken() {
        VerifiedToken itself = domain.verify(laptop.credential().reveal());
        assertFalse(itself.hasScope("user:token"));

        NewToken rotated = rotate(itself, laptop.info().key(), Duration.ZERO);

        assertEquals(laptop.info().key(), rotated.info().key());
        assertThrows(PermissionDeniedException.class, () -> rotate(itself, owner.key(), Duration.ZERO),
                "but not its owner's other tokens");
    }

    @Test
    void aNeverExpiringTokenStaysSo() {
        NewToken forever = domain.inTransaction(() -> domain.tokens().createUserToken(owner, username, "forever", null,
                Set.of("read:tap"), null, null));

        assertNull(rotate(owner, forever.info().key(), Duration.ZERO).info().expires());
    }

    @Test
    void theGraceIsAtMostSevenDaysAndNeverNegative() {
        assertThrows(InvalidGracePeriodException.class,
                () -> rotate(owner, laptop.info().key(), Duration.ofDays(7).plusSeconds(1)));
        assertThrows(InvalidGracePeriodException.class,
                () -> rotate(owner, laptop.info().key(), Duration.ofSeconds(-1)));
        assertEquals(laptop.info().key(), rotate(owner, laptop.info().key(), Duration.ofDays(7)).info().key());
    }

    @Test
    void anotherUsersTokenOrASessionCannotBeRotated() {
        VerifiedToken stranger = domain.user(username + "-other", "read:tap");
        assertThrows(PermissionDeniedException.class, () -> rotate(stranger, laptop.info().key(), Duration.ZERO));
        assertThrows(NotFoundException.class, () -> domain.inTransaction(() -> domain.rotations()
                .rotate(stranger, stranger.username(), laptop.info().key(), Duration.ZERO, null)));
        String session = domain.session(username, "read:tap");
        assertThrows(PermissionDeniedException.class,
                () -> rotate(owner, TokenCredential.parse(session).key(), Duration.ZERO));
    }

    private NewToken rotate(VerifiedToken actor, String key, Duration grace) {
        return domain.inTransaction(() -> domain.rotations().rotate(actor, username, key, grace, "192.0.2.7"));
    }
}
