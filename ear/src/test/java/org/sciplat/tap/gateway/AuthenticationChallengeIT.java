package org.sciplat.tap.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sciplat.it.TestServer;

/**
 * tap-gateway is deployed inside the EAR at /api/tap and refuses requests without a token in a way every TAP
 * client understands: TOPCAT and STILTS only send credentials after a Basic challenge.
 */
class AuthenticationChallengeIT {

    @Test
    void requestWithoutCredentialsGetsBearerAndBasicChallenges() {
        HttpResponse<String> response = TestServer.get("/api/tap/sync?LANG=ADQL&QUERY=SELECT+1");

        assertEquals(401, response.statusCode());
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertEquals(2, challenges.size(), challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.matches("Bearer realm=\"[^\"]+\"")), challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.matches("Basic realm=\"[^\"]+\"")), challenges.toString());
    }

    @Test
    void invalidTokenIsNamedInTheBearerChallengeOnly() {
        HttpResponse<String> response = TestServer.get("/api/tap/tables",
                "Authorization", "Bearer gt-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA");

        assertEquals(401, response.statusCode());
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer ") && c.contains("error=\"invalid_token\"")),
                challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.matches("Basic realm=\"[^\"]+\"")), challenges.toString());
    }

    @Test
    void availabilityIsPublic() {
        HttpResponse<String> response = TestServer.get("/api/tap/availability");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<vosi:available>true</vosi:available>"), response.body());
    }
}
