package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.LifetimeTooLongException;
import org.sciplat.token.core.NeverExpiresNotAllowedException;

class LifetimePolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final List<String> KNOWN = List.of("exec:notebook", "read:tap", "user:token");
    private static final LifetimePolicy POLICY = new LifetimePolicy(Duration.ofDays(366),
            Map.of("exec:notebook", Duration.ofDays(90)), List.of("read:tap", "user:token"), KNOWN);

    @Test
    void theShortestLimitOfTheScopesApplies() {
        assertEquals(Optional.of(Duration.ofDays(90)), POLICY.maxLifetime(Set.of("read:tap", "exec:notebook")));
        assertEquals(Optional.of(Duration.ofDays(366)), POLICY.maxLifetime(Set.of("read:tap")));
        POLICY.check(Set.of("exec:notebook"), NOW.plus(Duration.ofDays(90)), NOW);
        LifetimeTooLongException e = assertThrows(LifetimeTooLongException.class,
                () -> POLICY.check(Set.of("exec:notebook"), NOW.plus(Duration.ofDays(90)).plusSeconds(1), NOW));
        assertEquals("Tokens with these scopes may live at most 90 days", e.getMessage());
        assertEquals("lifetime_too_long", e.type());
    }

    @Test
    void neverOnlyForTheScopesAllowed() {
        POLICY.check(Set.of("read:tap"), null, NOW);
        NeverExpiresNotAllowedException e = assertThrows(NeverExpiresNotAllowedException.class,
                () -> POLICY.check(Set.of("read:tap", "exec:notebook"), null, NOW));
        assertEquals("Tokens with exec:notebook must expire, within 90 days", e.getMessage());
        assertEquals(422, e.status());
    }

    @Test
    void aRotationKeepsTheLifetimeWithinTheLimit() {
        assertEquals(NOW.plus(Duration.ofDays(30)),
                POLICY.rotatedExpiry(Set.of("exec:notebook"), Optional.of(Duration.ofDays(30)), NOW));
        assertEquals(NOW.plus(Duration.ofDays(90)),
                POLICY.rotatedExpiry(Set.of("exec:notebook"), Optional.of(Duration.ofDays(400)), NOW));
        assertNull(POLICY.rotatedExpiry(Set.of("read:tap"), Optional.empty(), NOW));
        assertEquals(NOW.plus(Duration.ofDays(90)),
                POLICY.rotatedExpiry(Set.of("exec:notebook"), Optional.empty(), NOW), "never is no longer allowed");
        LifetimePolicy noLimit = new LifetimePolicy(null, Map.of(), List.of(), KNOWN);
        assertThrows(NeverExpiresNotAllowedException.class,
                () -> noLimit.rotatedExpiry(Set.of("read:tap"), Optional.empty(), NOW));
    }

    @Test
    void theRulesInWords() {
        assertEquals(List.of("A token may live at most 366 days.", "With exec:notebook, at most 90 days.",
                "With exec:notebook, a token must expire."), POLICY.rules());
        assertEquals(List.of(), new LifetimePolicy(null, Map.of(), null, KNOWN).rules());
        assertEquals(List.of("Every token must expire."), new LifetimePolicy(null, Map.of(), List.of(), KNOWN)
                .rules());
    }
}
