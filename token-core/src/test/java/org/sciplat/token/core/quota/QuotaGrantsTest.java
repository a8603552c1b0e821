package org.sciplat.token.core.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuotaGrantsTest {

    @Test
    void theHighestGrantOfTheUsersGroupsWins() {
        QuotaGrants grants = grants(Map.of(
                "sciplat.quota.api.g_users.tap", "100",
                "sciplat.quota.api.g_users._default", "10",
                "sciplat.quota.api.g_heavy.tap", "1000",
                "sciplat.quota.api.g_banned.tap", "0"));

        assertEquals(OptionalInt.of(1000), grants.perMinute(Set.of("g_users", "g_heavy"), "tap"));
        assertEquals(OptionalInt.of(10), grants.perMinute(Set.of("g_users", "g_heavy"), "cutouts"),
                "g_users' default, g_heavy naming only tap");
        assertEquals(OptionalInt.of(0), grants.perMinute(Set.of("g_banned"), "tap"), "0 blocks");
        assertEquals(OptionalInt.of(100), grants.perMinute(Set.of("g_banned", "g_users"), "tap"),
                "the highest wins, even over a block");
        assertEquals(OptionalInt.empty(), grants.perMinute(Set.of("g_guests"), "tap"), "no grant, no limit");
    }

    @Test
    void aGrantWithoutServiceOrBelowZeroStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> grants(Map.of("sciplat.quota.api.g_users", "5")));
        assertThrows(IllegalStateException.class, () -> grants(Map.of("sciplat.quota.api.g_users.tap", "-1")));
    }

    private static QuotaGrants grants(Map<String, String> properties) {
        QuotaGrants grants = new QuotaGrants();
        grants.grant(properties);
        return grants;
    }
}
