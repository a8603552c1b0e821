package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/** The anchor's token rules, as a client of the API meets them. */
@OnEveryDatabase
class TokenRulesIT {

    private static Api.Session astronomer;

    @BeforeAll
    static void login() {
        astronomer = Api.login("astronomer", "astronomer-demo");
    }

    @Test
    void createdTokenIsShownOnceWithItsLocationAndWorksAsBearerAndBothBasicForms() {
        String name = unique("topcat");
        long expires = Instant.now().plusSeconds(86_400).getEpochSecond();
        HttpResponse<String> created = Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest(name, List.of("read:tap"), expires));

        assertEquals(201, created.statusCode(), created.body());
        String token = Api.remember(Json.object(created.body()).getString("token"));
        assertTrue(token.matches("gt-[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}"), token);
        assertEquals(Api.BASE + "/users/astronomer/tokens/" + Api.key(token),
                created.headers().firstValue("Location").orElseThrow());

        for (String authorization : List.of(Api.bearer(token), Api.basic("x-oauth-basic", token),
                Api.basic(token, "x-oauth-basic"), Api.basic(token, ""))) {
            HttpResponse<String> info = Api.send("GET", "/token-info", authorization, null);
            assertEquals(200, info.statusCode(), authorization.substring(0, 6) + ": " + info.body());
            JsonObject json = Json.object(info.body());
            assertEquals(Api.key(token), json.getString("token"));
            assertEquals(name, json.getString("token_name"));
            assertEquals("user", json.getString("token_type"));
            assertEquals(List.of("read:tap"), strings(json.getJsonArray("scopes")));
            assertEquals(expires, json.getJsonNumber("expires").longValue());
            assertFalse(info.body().contains(token.substring(26)), "the secret is never shown again");
        }
    }

    @Test
    void theListShowsNoSecretAndTheTokenCanBeFetchedByKey() {
        String token = Api.createToken(astronomer, unique("listed"), List.of("read:tap"), null);

        HttpResponse<String> list = Api.send("GET", "/users/astronomer/tokens", astronomer, null);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(Api.key(token)));
        assertFalse(list.body().contains(token.substring(26)));
        JsonObject one = Json.object(Api.send("GET", "/users/astronomer/tokens/" + Api.key(token), astronomer, null)
                .body());
        assertFalse(one.containsKey("expires"), "a token that never expires has no expires field");
        assertTrue(one.getJsonNumber("created").longValue() > 1_700_000_000L, "epoch seconds");
    }

    @Test
    void namesAreUniquePerUser() {
        String name = unique("same");
        Api.createToken(astronomer, name, List.of("read:tap"), null);

        assertError(409, "duplicate_token_name", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest(name, List.of("read:tap"), null)));
        Api.Session observer = Api.login("observer", "observer-demo");
        Api.createToken(observer, name, List.of("read:tap"), null);
    }

    @Test
    void ofManyCreationsWithOneNameAtOnceOneWinsAndTheOthersAreToldTheNameIsTaken() throws Exception {
        String name = unique("raced");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(senders.submit(() -> Api.send("POST", "/users/astronomer/tokens", astronomer,
                        Api.tokenRequest(name, List.of("read:tap"), null))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get(1, TimeUnit.MINUTES);
                statuses.add(response.statusCode());
                if (response.statusCode() != 201) {
                    assertError(409, "duplicate_token_name", response);
                }
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void ofManyRenamesToOneNameAtOnceOneWinsAndTheOthersAreToldTheNameIsTaken() throws Exception {
        Api.Session admin = Api.login("admin", "admin-demo");
        String name = unique("renamed");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(Api.key(Api.createToken(astronomer, unique("to-rename"), List.of("read:tap"), null)));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String key : keys) {
                sent.add(senders.submit(() -> Api.send("PATCH", "/users/astronomer/tokens/" + key, admin,
                        "{\"token_name\": \"" + name + "\"}")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get(1, TimeUnit.MINUTES);
                statuses.add(response.statusCode());
                if (response.statusCode() != 200) {
                    assertError(409, "duplicate_token_name", response);
                }
            }
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void expiryMustBeAtLeastFiveMinutesAhead() {
        long soon = Instant.now().plusSeconds(120).getEpochSecond();
        assertError(422, "invalid_expires", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest(unique("soon"), List.of("read:tap"), soon)));
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        assertError(422, "invalid_expires", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest(unique("past"), List.of("read:tap"), past)));
    }

    @Test
    void scopesMustBeKnownAndNoBroaderThanTheCreators() {
        assertError(422, "invalid_scopes", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest(unique("unknown"), List.of("read:everything"), null)));
        assertError(422, "invalid_scopes", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest(unique("broader"), List.of("admin:token"), null)));
    }

    @Test
    void namesAreOneToSixtyFourCharacters() {
        assertError(422, "invalid_token_name", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest("x".repeat(65), List.of("read:tap"), null)));
        assertError(422, "invalid_token_name", Api.send("POST", "/users/astronomer/tokens", astronomer,
                Api.tokenRequest("", List.of("read:tap"), null)));
        Api.createToken(astronomer, "y".repeat(54) + UUID.randomUUID().toString().substring(0, 10),
                List.of("read:tap"), null);
    }

    @Test
    void malformedBodiesAreClearErrorsAndCreateNothing() {
        int before = Json.array(Api.send("GET", "/users/astronomer/tokens", astronomer, null).body()).size();

        assertEquals(422, Api.send("POST", "/users/astronomer/tokens", astronomer, "{not json").statusCode());
        assertError(422, "invalid_request", Api.send("POST", "/users/astronomer/tokens", astronomer,
                "{\"scopes\": [\"read:tap\"]}"));
        assertError(422, "invalid_request", Api.send("POST", "/users/astronomer/tokens", astronomer,
                "{\"token_name\": \"x\", \"scopes\": \"read:tap\"}"));
        assertError(422, "invalid_request", Api.send("POST", "/users/astronomer/tokens", astronomer,
                "{\"token_name\": \"x\", \"expires\": \"next tuesday\"}"));

        assertEquals(before, Json.array(Api.send("GET", "/users/astronomer/tokens", astronomer, null).body()).size());
    }

    @Test
    void lastUsedIsRecorded() {
        String token = Api.createToken(astronomer, unique("used"), List.of("read:tap"), null);
        JsonObject before = Json.object(Api.send("GET", "/users/astronomer/tokens/" + Api.key(token), astronomer,
                null).body());
        assertFalse(before.containsKey("last_used"), "not used yet");

        long start = Instant.now().getEpochSecond();
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode());

        JsonObject after = Json.object(Api.send("GET", "/users/astronomer/tokens/" + Api.key(token), astronomer,
                null).body());
        assertTrue(after.getJsonNumber("last_used").longValue() >= start - 1, after.toString());
    }

    @Test
    void revokedTokenIsRefusedAtOnce() {
        String token = Api.createToken(astronomer, unique("revoke-me"), List.of("read:tap"), null);
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode(), "now cached");

        assertEquals(204, Api.send("DELETE", "/users/astronomer/tokens/" + Api.key(token), astronomer, null)
                .statusCode());

        assertError(401, "invalid_token", Api.send("GET", "/token-info", Api.bearer(token), null));
        assertError(404, "not_found", Api.send("GET", "/users/astronomer/tokens/" + Api.key(token), astronomer,
                null));
    }

    @Test
    void adminEditsAUserTokenAndNullExpiryMeansNever() {
        Api.Session admin = Api.login("admin", "admin-demo");
        String token = Api.createToken(astronomer, unique("edit-me"), List.of("read:tap"),
                Instant.now().plusSeconds(3600).getEpochSecond());
        String renamed = unique("edited");

        HttpResponse<String> edited = Api.send("PATCH", "/users/astronomer/tokens/" + Api.key(token), admin,
                "{\"token_name\": \"" + renamed + "\", \"scopes\": [\"read:tap\", \"read:image\"], \"expires\": null}");

        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject json = Json.object(edited.body());
        assertEquals(renamed, json.getString("token_name"));
        assertEquals(List.of("read:image", "read:tap"), strings(json.getJsonArray("scopes")));
        assertFalse(json.containsKey("expires"));
        JsonObject info = Json.object(Api.send("GET", "/token-info", Api.bearer(token), null).body());
        assertEquals(List.of("read:image", "read:tap"), strings(info.getJsonArray("scopes")),
                "the verification cache learnt of the edit");
    }

    @Test
    void logoutRevokesTheSessionAndTheCookieNeedsCsrfToChangeAnything() {
        Api.Session session = Api.login("astronomer", "astronomer-demo");
        HttpResponse<String> withoutCsrf = TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/logout"))
                .header("Cookie", session.cookie())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertError(403, "permission_denied", withoutCsrf);
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(session.token()), null).statusCode());

        assertEquals(204, Api.send("POST", "/logout", session, null).statusCode());

        assertError(401, "invalid_token", Api.send("GET", "/token-info", Api.bearer(session.token()), null));
        assertEquals(401, Api.send("GET", "/login", session, null).statusCode());
    }

    @Test
    void loginRefusesWrongPasswordsAndUsersWithoutScopes() {
        HttpResponse<String> wrong = TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=astronomer&password=nope"))
                .build());
        assertError(401, "invalid_credentials", wrong);
        HttpResponse<String> guest = TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=guest&password=guest-demo"))
                .build());
        assertError(403, "permission_denied", guest);
    }

    @Test
    void sessionHoldsTheGroupsScopesPlusUserToken() {
        JsonObject login = Json.object(Api.send("GET", "/login", astronomer, null).body());

        assertEquals("astronomer", login.getString("username"));
        assertEquals(List.of("exec:notebook", "exec:portal", "read:image", "read:tap", "user:token", "write:files"),
                strings(login.getJsonArray("scopes")));
        assertEquals(8, login.getJsonObject("config").getJsonArray("scopes").size(), "every known scope");
        assertNotNull(login.getString("csrf"));
    }

    @Test
    void bootstrapTokenCreatesAServiceTokenForABot() {
        String bootstrap = Api.bearer(System.getProperty("it.bootstrap.token"));
        HttpResponse<String> created = Api.send("POST", "/tokens", bootstrap,
                "{\"username\": \"bot-mobu\", \"token_type\": \"service\", \"scopes\": [\"read:tap\"]}");

        assertEquals(201, created.statusCode(), created.body());
        String service = Api.remember(Json.object(created.body()).getString("token"));
        JsonObject info = Json.object(Api.send("GET", "/token-info", Api.bearer(service), null).body());
        assertEquals("service", info.getString("token_type"));
        assertEquals("bot-mobu", info.getString("username"));
        assertError(422, "invalid_username", Api.send("POST", "/tokens", bootstrap,
                "{\"username\": \"astronomer\", \"token_type\": \"service\", \"scopes\": [\"read:tap\"]}"));
    }

    @Test
    void expiredTokensAreDeletedWithAnExpireRowByInternal() throws Exception {
        String token = Api.createToken(astronomer, unique("short"), List.of("read:tap"), null);
        TestDatabase.expire(Api.key(token));

        JsonArray rows = null;
        for (int i = 0; i < 60; i++) {
            rows = Json.array(Api.send("GET", "/users/astronomer/tokens/" + Api.key(token) + "/change-history",
                    astronomer, null).body());
            if (rows.size() == 2) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(2, rows.size(), rows.toString());
        JsonObject expire = rows.getJsonObject(0);
        assertEquals("expire", expire.getString("action"));
        assertEquals("<internal>", expire.getString("actor"));
        assertError(404, "not_found", Api.send("GET", "/users/astronomer/tokens/" + Api.key(token), astronomer,
                null));
    }

    static void assertError(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(type, Json.object(response.body()).getJsonArray("detail").getJsonObject(0).getString("type"),
                response.body());
    }


    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
