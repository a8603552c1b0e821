package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/**
 * GET /users/{user}/tokens/{key}/uses: the addresses and services a token was used from, stored coalesced (every
 * 2 s on the test server, src/test/liberty/jvm.options).
 */
class TokenUsesIT {

    private static final String CLIENT = "203.0.113.77";
    private static final String GATE_CLIENT = "203.0.113.78";

    @Test
    void theApiAndTapUsesAreListedWithTheClientsAddress() throws InterruptedException {
        TapService.awaitAvailable();
        String token = Astronomer.userToken(null, "read:tap", "user:token");
        // the tests are a trusted proxy of the test server: X-Forwarded-For names the client
        HttpResponse<String> info = TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/token-info"))
                .header("Authorization", Api.bearer(token)).header("X-Forwarded-For", CLIENT).GET().build());
        assertEquals(200, info.statusCode());
        assertEquals(200, TapService.sync(Api.bearer(token), Map.of("LANG", "ADQL", "QUERY",
                "SELECT TOP 1 table_name FROM TAP_SCHEMA.tables")).statusCode());

        // asked with the bootstrap token, whose uses are not recorded, so the asking adds none
        String admin = Api.bearer(System.getProperty("it.bootstrap.token"));
        List<JsonObject> uses = List.of();
        Instant end = Instant.now().plusSeconds(30);
        while (uses.size() < 2 && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            uses = uses(token, admin);
        }

        assertEquals(2, uses.size(), uses.toString());
        JsonObject api = uses.stream().filter(u -> u.getString("service").equals("api")).findFirst().orElseThrow();
        assertEquals(CLIENT, api.getString("ip_address"));
        assertTrue(uses.stream().anyMatch(u -> u.getString("service").equals("tap")), uses.toString());
        long lastSeen = api.getJsonNumber("last_seen").longValue();
        assertTrue(Math.abs(Instant.now().getEpochSecond() - lastSeen) < Duration.ofMinutes(2).toSeconds());
    }

    @Test
    void aUseThroughTheGateIsListedWithTheServiceAndTheClientsAddress() throws InterruptedException {
        String token = Astronomer.userToken(null, "read:tap");
        // as nginx asks: the location names its service, X-Forwarded-For the client
        HttpResponse<String> check = TestServer.send(HttpRequest.newBuilder(URI.create(
                        Api.BASE.replace("/api/v1", "/ingress/auth?scope=read:tap&service=cutouts")))
                .header("Authorization", Api.bearer(token)).header("X-Forwarded-For", GATE_CLIENT).GET().build());
        assertEquals(200, check.statusCode(), check.body());

        String admin = Api.bearer(System.getProperty("it.bootstrap.token"));
        List<JsonObject> uses = List.of();
        Instant end = Instant.now().plusSeconds(30);
        while (uses.isEmpty() && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            uses = uses(token, admin);
        }

        assertEquals(1, uses.size(), uses.toString());
        assertEquals("cutouts", uses.get(0).getString("service"));
        assertEquals(GATE_CLIENT, uses.get(0).getString("ip_address"));
    }

    @Test
    void onlyTheOwnerOrAnAdministratorSeesThem() {
        String token = Astronomer.userToken(null, "read:tap");
        String path = "/users/astronomer/tokens/" + Api.key(token) + "/uses";
        String other = Api.createToken(Api.login("observer", "observer-demo"), "it-" + UUID.randomUUID(),
                List.of("read:tap", "user:token"), null);

        assertEquals(401, Api.send("GET", path, (String) null, null).statusCode());
        assertEquals(403, Api.send("GET", path, Api.bearer(other), null).statusCode());
        assertEquals(404, Api.send("GET", "/users/astronomer/tokens/AAAAAAAAAAAAAAAAAAAAAA/uses",
                Api.login(Astronomer.USERNAME, Astronomer.PASSWORD), null).statusCode());
        assertEquals(200, Api.send("GET", path, Api.bearer(System.getProperty("it.bootstrap.token")), null)
                .statusCode());
    }

    private static List<JsonObject> uses(String token, String authorization) {
        HttpResponse<String> response = Api.send("GET", "/users/astronomer/tokens/" + Api.key(token) + "/uses",
                authorization, null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.array(response.body()).getValuesAs(JsonObject.class);
    }
}
