package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TestDatabase;

/** POST /users/{user}/tokens/{key}/rotate: a new secret for the same token, with or without grace. */
class RotationIT {

    private static Api.Session astronomer;

    @BeforeAll
    static void login() {
        astronomer = Api.login(Astronomer.USERNAME, Astronomer.PASSWORD);
    }

    @Test
    void withoutGraceTheOldSecretStopsAndTheNewOneWorks() throws SQLException {
        String old = token(Instant.now().plusSeconds(86_400));
        // a day's token 20 hours into its life: 4 hours left
        Instant now = Instant.now();
        TestDatabase.createdAndExpires(Api.key(old), now.minus(Duration.ofHours(20)), now.plus(Duration.ofHours(4)));

        HttpResponse<String> response = rotate(old, Api.bearer(old), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        String rotated = Json.object(response.body()).getString("token");
        assertEquals(Api.key(old), Api.key(rotated), "the same token");
        assertNotEquals(old, rotated);
        assertEquals(401, Api.send("GET", "/token-info", Api.bearer(old), null).statusCode());
        JsonObject after = info(rotated);
        long freshFor = after.getJsonNumber("expires").longValue() - Instant.now().getEpochSecond();
        assertTrue(Math.abs(freshFor - Duration.ofDays(1).toSeconds()) < 120, "a fresh day from the rotation, not the "
                + "4 hours left: " + freshFor + " s");
        HttpResponse<String> history = Api.send("GET", "/users/astronomer/token-change-history?key="
                + Api.key(old), astronomer, null);
        List<String> actions = Json.array(history.body()).getValuesAs(JsonObject.class).stream()
                .map(row -> row.getString("action")).toList();
        assertEquals(List.of("rotate", "create"), actions, history.body());
    }

    @Test
    void withGraceBothSecretsWorkMeanwhile() {
        String old = token(null);

        HttpResponse<String> response = rotate(old, null, "{\"grace_period\": 3600}");

        assertEquals(200, response.statusCode(), response.body());
        String rotated = Json.object(response.body()).getString("token");
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(old), null).statusCode());
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(rotated), null).statusCode());
    }

    @Test
    void aGraceOverSevenDaysOrNotWholeSecondsIsRefused() {
        String old = token(null);

        assertError(422, "invalid_grace_period", rotate(old, null, "{\"grace_period\": 604801}"));
        assertError(422, "invalid_request", rotate(old, null, "{\"grace_period\": \"1h\"}"));
        assertError(422, "invalid_json", rotate(old, null, "{"));
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(old), null).statusCode(), "not rotated");
    }

    @Test
    void onlyTheOwnerAnAdministratorOrTheTokenItselfMayRotate() {
        String old = token(null);
        String other = Api.createToken(Api.login("observer", "observer-demo"), "it-" + UUID.randomUUID(),
                List.of("read:tap", "user:token"), null);

        assertError(401, "invalid_token", rotate(old, "Bearer gt-not-a-token", null));
        assertEquals(401, Api.send("POST", "/users/astronomer/tokens/" + Api.key(old) + "/rotate", (String) null,
                null).statusCode());
        assertError(403, "permission_denied", rotate(old, Api.bearer(other), null));
        assertError(404, "not_found", Api.send("POST", "/users/astronomer/tokens/AAAAAAAAAAAAAAAAAAAAAA/rotate",
                astronomer, null));
        assertEquals(200, rotate(old, Api.bearer(old), null).statusCode(), "the token itself, without user:token");
    }

    private static String token(Instant expires) {
        return Api.createToken(astronomer, "it-" + UUID.randomUUID(), List.of("read:tap"),
                expires == null ? null : expires.getEpochSecond());
    }

    private static JsonObject info(String token) {
        HttpResponse<String> response = Api.send("GET", "/token-info", Api.bearer(token), null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.object(response.body());
    }

    /** Rotates as the given caller, or with the owner's browser session when none is given. */
    private static HttpResponse<String> rotate(String token, String authorization, String body) {
        String path = "/users/astronomer/tokens/" + Api.key(token) + "/rotate";
        return authorization == null ? Api.send("POST", path, astronomer, body)
                : Api.send("POST", path, authorization, body);
    }

    private static void assertError(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(type, Json.object(response.body()).getJsonArray("detail").getJsonObject(0).getString("type"),
                response.body());
    }
}
