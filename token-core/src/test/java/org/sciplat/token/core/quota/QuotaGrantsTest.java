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

    @Test
    void theHighestGrantOfRequestsAtOnceWinsAndUserInfoSeesEveryGrant() {
        QuotaGrants grants = grants(Map.of("sciplat.quota.api.g_users._default", "10"));
        grants.grantConcurrent(Map.of("sciplat.quota.concurrent.g_users.tap", "2",
                "sciplat.quota.concurrent.g_heavy.tap", "8", "sciplat.quota.concurrent.g_heavy.sia", "3"));

        assertEquals(OptionalInt.of(8), grants.atOnce(Set.of("g_users", "g_heavy"), "tap"));
        assertEquals(OptionalInt.empty(), grants.atOnce(Set.of("g_guests"), "tap"));
        assertEquals(OptionalInt.empty(), grants.atOnce(Set.of("g_users"), "sia"));
        assertEquals(QuotaLimits.of(Map.of("_default", 10), Map.of("tap", 2)), grants.of(Set.of("g_users")));
        assertEquals(QuotaLimits.of(Map.of("_default", 10), Map.of("tap", 8, "sia", 3)),
                grants.of(Set.of("g_users", "g_heavy")));
        assertThrows(IllegalStateException.class, () -> grants.grantConcurrent(Map.of(
                "sciplat.quota.concurrent.g_x.tap", "0")), "none at once would refuse every request with a 429");
        assertThrows(IllegalStateException.class, () -> grants.grantConcurrent(Map.of(
                "sciplat.quota.concurrent.g_x", "2")));
    }

    private static QuotaGrants grants(Map<String, String> properties) {
        QuotaGrants grants = new QuotaGrants();
        grants.grant(properties);
        return grants;
    }
}
