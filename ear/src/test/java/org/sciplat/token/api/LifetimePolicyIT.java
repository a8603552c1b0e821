package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;

/**
 * The lifetime policy, as the test server sets it (src/test/liberty/jvm.options): tokens with exec:portal live at
 * most 30 days and must expire. Enforced at creation and edit, with the API's typed errors.
 */
class LifetimePolicyIT {

    private static Api.Session astronomer;

    @BeforeAll
    static void login() {
        astronomer = Api.login(Astronomer.USERNAME, Astronomer.PASSWORD);
    }

    @Test
    void aLifetimeOverTheScopesLimitIsRefused() {
        HttpResponse<String> response = create(List.of("read:tap", "exec:portal"), days(31));

        assertError(response, "lifetime_too_long", "Tokens with these scopes may live at most 30 days");
        assertEquals(201, create(List.of("read:tap", "exec:portal"), days(29)).statusCode());
        assertEquals(201, create(List.of("read:tap"), days(400)).statusCode(), "read:tap has no limit");
    }

    @Test
    void neverExpiringIsRefusedForAScopeNotAllowedIt() {
        assertError(create(List.of("exec:portal"), null), "never_expires_not_allowed",
                "Tokens with exec:portal must expire, within 30 days");
        assertEquals(201, create(List.of("read:tap"), null).statusCode());
    }

    @Test
    void anEditIsHeldToThePolicyToo() {
        HttpResponse<String> created = create(List.of("read:tap"), null);
        String key = Api.key(Json.object(created.body()).getString("token"));
        String admin = Api.bearer(System.getProperty("it.bootstrap.token"));

        HttpResponse<String> response = Api.send("PATCH", "/users/astronomer/tokens/" + key, admin,
                "{\"scopes\": [\"read:tap\", \"exec:portal\"]}");

        assertError(response, "never_expires_not_allowed", "Tokens with exec:portal must expire, within 30 days");
        assertEquals(200, Api.send("PATCH", "/users/astronomer/tokens/" + key, admin,
                "{\"scopes\": [\"read:tap\", \"exec:portal\"], \"expires\": " + days(30) + "}").statusCode());
    }

    private static long days(int days) {
        return Instant.now().plus(Duration.ofDays(days)).getEpochSecond();
    }

    private static HttpResponse<String> create(List<String> scopes, Long expires) {
        return Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest("it-" + UUID.randomUUID(), scopes, expires));
    }

    private static void assertError(HttpResponse<String> response, String type, String message) {
        assertEquals(422, response.statusCode(), response.body());
        JsonObject detail = Json.object(response.body()).getJsonArray("detail").getJsonObject(0);
        assertEquals(type, detail.getString("type"));
        assertEquals(message, detail.getString("msg"));
        assertEquals(List.of("body", "expires"), detail.getJsonArray("loc").getValuesAs(
                jakarta.json.JsonString::getString));
    }
}
