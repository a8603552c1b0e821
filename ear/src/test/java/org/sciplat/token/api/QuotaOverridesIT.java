package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * An admin's per-user quota override: it wins over the groups' grants at the gate and at TAP at once, user-info
 * shows it, the user reads their own, and every change is in its history. The overridden user is a bot of this
 * test's own, so no other test's quotas move.
 */
class QuotaOverridesIT {

    private static final String BOT = "bot-quota-" + Long.toString(System.nanoTime(), 36);
    private static String admin;
    private static String bot;

    @BeforeAll
    static void anAdminAndABot() {
        admin = Api.bearer(Api.createToken(Api.login("admin", "admin-demo"), "quota-admin-" + System.nanoTime(),
                List.of("admin:token"), null));
        HttpResponse<String> created = Api.send("POST", "/tokens", admin, "{\"username\": \"" + BOT
                + "\", \"token_type\": \"service\", \"scopes\": [\"read:tap\"]}");
        assertEquals(201, created.statusCode(), created.body());
        bot = Api.bearer(Api.remember(Json.object(created.body()).getString("token")));
    }

    @AfterAll
    static void noOverrideLeft() {
        Api.send("DELETE", "/quota-overrides/" + BOT, admin, null);
    }

    @Test
    void anOverrideWinsOverTheGroupsAtTheGateAndShowsInUserInfo() {
        HttpResponse<String> before = gate("gate-blocked");
        assertEquals(200, before.statusCode(), "a bot is in no group, so nothing limits it");
        assertTrue(before.headers().firstValue("X-RateLimit-Limit").isEmpty());

        HttpResponse<String> set = put("{\"api\": {\"gate-blocked\": 0, \"_default\": 5},"
                + " \"tap\": {\"tap\": {\"concurrent\": 1}}, \"notes\": \"runaway script, ticket 17\"}");
        assertEquals(200, set.statusCode(), set.body());
        JsonObject override = Json.object(set.body());
        assertEquals(BOT, override.getString("username"));
        assertEquals("admin", override.getString("modified_by"));
        assertEquals("runaway script, ticket 17", override.getString("notes"));

        HttpResponse<String> blocked = gate("gate-blocked");
        assertEquals(403, blocked.statusCode(), "0 blocks, on this instance at once");
        assertEquals("5", gate("portal").headers().firstValue("X-RateLimit-Limit").orElse(null),
                "_default covers every service the override does not name");

        JsonObject quota = Json.object(Api.send("GET", "/user-info", bot, null).body()).getJsonObject("quota");
        assertEquals(0, quota.getJsonObject("api").getInt("gate-blocked"));
        assertEquals(5, quota.getJsonObject("api").getInt("_default"));
        assertEquals(1, quota.getJsonObject("tap").getJsonObject("tap").getInt("concurrent"));

        HttpResponse<String> own = Api.send("GET", "/quota-overrides/" + BOT, bot, null);
        assertEquals(200, own.statusCode(), "users read their own override");
        assertEquals(Json.object(set.body()), Json.object(own.body()));
        JsonArray all = Json.array(Api.send("GET", "/quota-overrides", admin, null).body());
        assertTrue(all.stream().map(JsonObject.class::cast).anyMatch(o -> o.getString("username").equals(BOT)));
    }

    @Test
    void theTapConcurrencyQuotaHoldsAQueryBackUntilRaised() throws Exception {
        // a server just (re)started publishes its demo table a little later; until then queries are refused
        TapService.awaitAvailable();
        assertEquals(200, put("{\"tap\": {\"tap\": {\"concurrent\": 1}}}").statusCode());
        String marker = "9" + (System.nanoTime() % 1_000_000) + ".5";
        String form = "LANG=ADQL&EXECUTIONDURATION=60&QUERY=" + URLEncoder.encode("SELECT COUNT(*) FROM"
                + " wise_00.allwise_p3as_mep AS a, wise_00.allwise_p3as_mep AS b WHERE a.ra - b.ra > " + marker,
                StandardCharsets.UTF_8);
        URI sync = URI.create(TapService.URL + "/sync");
        // over a socket of its own, so that closing it ends the query (the service cancels an abandoned one)
        try (Socket endless = new Socket(sync.getHost(), sync.getPort())) {
            endless.getOutputStream().write(("POST " + sync.getPath() + " HTTP/1.1\r\nHost: " + sync.getHost()
                    + "\r\nAuthorization: " + bot + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (TestDatabase.runningStatements(marker) == 0) {
                if (System.nanoTime() > deadline || endless.getInputStream().available() > 0) {
                    endless.setSoTimeout(1_000);
                    fail("the first query never ran: " + new String(endless.getInputStream().readNBytes(
                            Math.max(1, endless.getInputStream().available())), StandardCharsets.UTF_8));
                }
                Thread.sleep(50);
            }

            HttpResponse<String> second = trivialQuery();
            assertEquals(429, second.statusCode(), second.body());
            assertTrue(second.body().contains("1 query"), "the user is told their quota: " + second.body());

            assertEquals(200, put("{\"tap\": {\"tap\": {\"concurrent\": 2}}}").statusCode());
            HttpResponse<String> raised = trivialQuery();
            assertEquals(200, raised.statusCode(), "the raised quota holds at once: " + raised.body());
        }
    }

    @Test
    void everyChangeIsInTheHistoryNewestFirstAndOutlivesTheOverride() {
        String user = "bot-history-" + Long.toString(System.nanoTime(), 36);
        assertEquals(200, Api.send("PUT", "/quota-overrides/" + user, admin, "{\"api\": {\"tap\": 100}}")
                .statusCode());
        assertEquals(200, Api.send("PUT", "/quota-overrides/" + user, admin,
                "{\"api\": {\"tap\": 5000}, \"notes\": \"thesis\"}").statusCode());
        assertEquals(204, Api.send("DELETE", "/quota-overrides/" + user, admin, null).statusCode());
        assertEquals(404, Api.send("GET", "/quota-overrides/" + user, admin, null).statusCode());
        assertEquals(404, Api.send("DELETE", "/quota-overrides/" + user, admin, null).statusCode());

        HttpResponse<String> response = Api.send("GET", "/quota-overrides/" + user + "/history", admin, null);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray history = Json.array(response.body());
        assertEquals(3, history.size(), response.body());
        JsonObject removed = history.getJsonObject(0);
        assertEquals("remove", removed.getString("action"));
        assertEquals(5000, removed.getJsonObject("old_quota").getJsonObject("api").getInt("tap"));
        assertFalse(removed.containsKey("new_quota"));
        JsonObject raised = history.getJsonObject(1);
        assertEquals("set", raised.getString("action"));
        assertEquals(100, raised.getJsonObject("old_quota").getJsonObject("api").getInt("tap"));
        assertEquals(5000, raised.getJsonObject("new_quota").getJsonObject("api").getInt("tap"));
        assertEquals("thesis", raised.getString("notes"));
        assertEquals("admin", raised.getString("actor"));
        assertTrue(raised.getString("ip_address").matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1"), raised.toString());
        assertFalse(history.getJsonObject(2).containsKey("old_quota"), "the first set had nothing before it");
        assertEquals(1, Json.array(Api.send("GET", "/quota-overrides/" + user + "/history?limit=1", admin, null)
                .body()).size());
    }

    @Test
    void badOverridesAreRefusedNamingTheFieldAndNothingChanges() {
        Map<String, String> corpus = Map.ofEntries(
                Map.entry("{\"api\": {\"TAP\": 1}}", "api"),
                Map.entry("{\"api\": {\"a b\": 1}}", "api"),
                Map.entry("{\"api\": {\"tap\": -1}}", "api"),
                Map.entry("{\"api\": {\"tap\": 1.5}}", "api"),
                Map.entry("{\"api\": {\"tap\": 99999999999}}", "api"),
                Map.entry("{\"api\": {\"tap\": \"10\"}}", "api"),
                Map.entry("{\"api\": \"tap=10\"}", "api"),
                Map.entry("{\"api\": {}}", "api"),
                Map.entry("{}", "api"),
                Map.entry("{\"tap\": {\"tap\": {\"concurrent\": 0}}}", "tap"),
                Map.entry("{\"tap\": {\"tap\": {\"concurrent\": 65}}}", "tap"),
                Map.entry("{\"tap\": {\"tap\": {\"concurrent\": 1, \"queued\": 5}}}", "tap"),
                Map.entry("{\"tap\": {\"concurrent\": 2}}", "tap"),
                Map.entry("{\"tap\": {\"TAP\": {\"concurrent\": 2}}}", "tap"),
                Map.entry("{\"api\": {\"tap\": 1}, \"notes\": \"two\\nlines\"}", "notes"),
                Map.entry("{\"api\": {\"tap\": 1}, \"notes\": \"" + "n".repeat(513) + "\"}", "notes"));
        for (Map.Entry<String, String> bad : corpus.entrySet()) {
            HttpResponse<String> refused = put(bad.getKey());
            assertEquals(422, refused.statusCode(), bad.getKey() + " -> " + refused.body());
            JsonObject detail = Json.object(refused.body()).getJsonArray("detail").getJsonObject(0);
            assertEquals("invalid_quota", detail.getString("type"), bad.getKey());
            assertEquals(bad.getValue(), detail.getJsonArray("loc").getString(1), bad.getKey());
        }
        HttpResponse<String> unknownField = put("{\"api\": {\"tap\": 1}, \"tap_concurrent\": 4}");
        assertEquals(422, unknownField.statusCode(), "a misspelt field is not silently ignored");
        assertEquals("invalid_request", Json.object(unknownField.body()).getJsonArray("detail").getJsonObject(0)
                .getString("type"));
        HttpResponse<String> badUser = Api.send("PUT", "/quota-overrides/Not%20A%20User", admin,
                "{\"api\": {\"tap\": 1}}");
        assertEquals(422, badUser.statusCode(), badUser.body());
        for (String limit : List.of("0", "x", "1001", "99999999999")) {
            HttpResponse<String> badLimit = Api.send("GET", "/quota-overrides/" + BOT + "/history?limit=" + limit,
                    admin, null);
            assertEquals(422, badLimit.statusCode(), limit + " -> " + badLimit.body());
        }
    }

    private static HttpResponse<String> put(String body) {
        return Api.send("PUT", "/quota-overrides/" + BOT, admin, body);
    }

    private static HttpResponse<String> gate(String service) {
        return TestServer.get("/auth/ingress/auth?scope=read:tap&service=" + service, "Authorization", bot);
    }

    private static HttpResponse<String> trivialQuery() {
        return TapService.sync(bot, Map.of("LANG", "ADQL", "QUERY", "SELECT COUNT(*) FROM TAP_SCHEMA.schemas",
                "RESPONSEFORMAT", "csv"));
    }
}
