package org.sciplat.tap.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/**
 * Who gets into the TAP service: a token with read:tap, as Bearer or as either half of HTTP Basic. Everyone else is
 * told how to authenticate in the ways every TAP client understands, and a revoked token stops working at once.
 */
class TapGatewayIT {

    private static final Map<String, String> COUNT = Map.of("LANG", "ADQL", "QUERY",
            "SELECT COUNT(*) AS n FROM TAP_SCHEMA.tables", "RESPONSEFORMAT", "csv");

    @BeforeAll
    static void serviceIsUp() {
        TapService.awaitAvailable();
    }

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
    void invalidTokenIsNamedInTheBearerChallenge() {
        HttpResponse<String> response = TestServer.get("/api/tap/tables",
                "Authorization", "Bearer gt-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA");

        assertEquals(401, response.statusCode());
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer ") && c.contains("error=\"invalid_token\"")),
                challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.matches("Basic realm=\"[^\"]+\"")), challenges.toString());
    }

    @Test
    void aTokenWithoutReadTapIsForbiddenWithTheScopeItLacks() {
        String token = Astronomer.userToken(null, "read:image");

        HttpResponse<String> response = TapService.sync(Api.bearer(token), COUNT);

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().allValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Bearer ")
                && c.contains("error=\"insufficient_scope\"") && c.contains("scope=\"read:tap\"")),
                response.headers().map().toString());
    }

    @Test
    void theTokenWorksAsBearerAndInEitherHalfOfBasic() {
        String token = TapService.token();
        for (String authorization : List.of(Api.bearer(token), Api.basic("x-oauth-basic", token),
                Api.basic(token, "x-oauth-basic"))) {
            HttpResponse<String> response = TapService.sync(authorization, COUNT);
            assertEquals(200, response.statusCode(), authorization.split(" ")[0] + ": " + response.body());
            // TAP_SCHEMA's five, the demo table and ivoa.obscore
            assertEquals("n\r\n7\r\n", response.body());
        }
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        Api.Session session = Api.login(Astronomer.USERNAME, "astronomer-demo");
        String token = Api.createToken(session, "revoked-tap-" + System.nanoTime(), List.of("read:tap"), null);
        assertEquals(200, TapService.sync(Api.bearer(token), COUNT).statusCode());

        HttpResponse<String> revoked = Api.send("DELETE", "/users/" + Astronomer.USERNAME + "/tokens/"
                + Api.key(token), session, null);
        assertEquals(204, revoked.statusCode(), revoked.body());

        assertEquals(401, TapService.sync(Api.bearer(token), COUNT).statusCode());
        assertEquals(401, TapService.sync(Api.basic("x-oauth-basic", token), COUNT).statusCode());
    }

    @Test
    void capabilitiesAndAvailabilityArePublicAndDeclareBasicAuthentication() {
        HttpResponse<String> capabilities = TestServer.get("/api/tap/capabilities");
        assertEquals(200, capabilities.statusCode());
        assertTrue(capabilities.body().contains("standardID=\"ivo://ivoa.net/std/TAP\""), capabilities.body());
        assertTrue(capabilities.body().contains("<securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/>"),
                capabilities.body());

        HttpResponse<String> availability = TestServer.get("/api/tap/availability");
        assertEquals(200, availability.statusCode());
        assertTrue(availability.body().contains("<vosi:available>true</vosi:available>"), availability.body());
    }

    @Test
    void aProbeOfTheCapabilitiesGetsTheChallengesAndAnAuthenticatedAnswerNamesTheUser() {
        for (String method : List.of("HEAD", "GET")) {
            HttpResponse<String> probe = TestServer.send(HttpRequest.newBuilder(URI.create(TapService.URL
                    + "/capabilities")).method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, probe.statusCode(), method + ": optional here, as AuthVO reads a 200 with challenges");
            List<String> challenges = probe.headers().allValues("WWW-Authenticate");
            assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer realm=")), method + " " + challenges);
            assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic realm=")), method + " " + challenges);
            assertTrue(probe.headers().firstValue("X-VO-Authenticated").isEmpty());
        }

        String token = TapService.token();
        HttpResponse<String> known = TestServer.get("/api/tap/capabilities", "Authorization", Api.bearer(token));
        assertEquals(Astronomer.USERNAME, known.headers().firstValue("X-VO-Authenticated").orElse(null));
        assertTrue(known.headers().allValues("WWW-Authenticate").isEmpty(), "no challenge to whom it knows");
        HttpResponse<String> query = TapService.sync(Api.basic("x-oauth-basic", token), COUNT);
        assertEquals(200, query.statusCode(), query.body());
        assertEquals(Astronomer.USERNAME, query.headers().firstValue("X-VO-Authenticated").orElse(null),
                "on every authenticated answer");
    }
}
