package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TestDatabase;

/** GET /users/{user}/inactive-tokens: tokens revoked or expired lately, with why and when, instead of vanishing. */
class InactiveTokensIT {

    private static Api.Session astronomer;

    @BeforeAll
    static void login() {
        astronomer = Api.login(Astronomer.USERNAME, Astronomer.PASSWORD);
    }

    @Test
    void aRevokedAndAnExpiredTokenAreListedWithWhyAndWhen() throws Exception {
        String revoked = Api.createToken(astronomer, "it-" + UUID.randomUUID(), List.of("read:tap"), null);
        String expired = Api.createToken(astronomer, "it-" + UUID.randomUUID(), List.of("read:tap"), null);
        assertEquals(204, Api.send("DELETE", "/users/astronomer/tokens/" + Api.key(revoked), astronomer, null)
                .statusCode());
        TestDatabase.expire(Api.key(expired));

        JsonObject revocation = ended(Api.key(revoked)).orElseThrow();
        assertEquals("revoke", revocation.getString("action"));
        assertEquals("astronomer", revocation.getString("actor"));
        assertTrue(Math.abs(revocation.getJsonNumber("event_time").longValue() - Instant.now().getEpochSecond()) < 120);
        Optional<JsonObject> expiry = Optional.empty();
        Instant end = Instant.now().plusSeconds(30);
        while (expiry.isEmpty() && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            expiry = ended(Api.key(expired));
        }
        assertEquals("expire", expiry.orElseThrow().getString("action"), "after the expiry job ran");
    }

    @Test
    void onlyTheOwnerOrAnAdministratorSeesThem() {
        String other = Api.createToken(Api.login("observer", "observer-demo"), "it-" + UUID.randomUUID(),
                List.of("read:tap", "user:token"), null);

        assertEquals(401, Api.send("GET", "/users/astronomer/inactive-tokens", (String) null, null).statusCode());
        assertEquals(403, Api.send("GET", "/users/astronomer/inactive-tokens", Api.bearer(other), null)
                .statusCode());
        assertEquals(200, Api.send("GET", "/users/astronomer/inactive-tokens",
                Api.bearer(System.getProperty("it.bootstrap.token")), null).statusCode());
    }

    private static Optional<JsonObject> ended(String key) {
        HttpResponse<String> response = Api.send("GET", "/users/astronomer/inactive-tokens", astronomer, null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.array(response.body()).getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getString("token").equals(key)).findFirst();
    }
}
