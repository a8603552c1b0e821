package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sciplat.token.api.TokenRulesIT.assertError;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TestServer;

/** Change history: who did what from where, with the anchor's filters and cursor pages. */
@OnEveryDatabase
class ChangeHistoryIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static Api.Session observer;
    private static String adminToken;

    @BeforeAll
    static void login() {
        observer = Api.login("observer", "observer-demo");
        adminToken = Api.createToken(Api.login("admin", "admin-demo"), "history-admin-" + UUID.randomUUID(),
                List.of("admin:token", "user:token"), null);
    }

    @Test
    void createEditAndRevokeAreRecordedWithActorAddressAndOldValues() {
        String token = createFrom("192.0.2.17", "audited-" + UUID.randomUUID());
        String key = Api.key(token);
        String newName = "renamed-" + UUID.randomUUID();
        assertEquals(200, Api.send("PATCH", "/users/observer/tokens/" + key, Api.bearer(adminToken),
                "{\"token_name\": \"" + newName + "\"}").statusCode());
        assertEquals(204, Api.send("DELETE", "/users/observer/tokens/" + key, observer, null).statusCode());

        JsonArray rows = Json.array(Api.send("GET", "/users/observer/tokens/" + key + "/change-history",
                observer, null).body());

        assertEquals(List.of("revoke", "edit", "create"), rows.stream()
                .map(r -> r.asJsonObject().getString("action")).toList());
        JsonObject create = rows.getJsonObject(2);
        assertEquals("observer", create.getString("actor"));
        assertEquals("192.0.2.17", create.getString("ip_address"), "X-Forwarded-For from a trusted proxy");
        assertFalse(create.containsKey("old_token_name"));
        JsonObject edit = rows.getJsonObject(1);
        assertEquals("admin", edit.getString("actor"));
        assertEquals(newName, edit.getString("token_name"));
        assertTrue(edit.getString("old_token_name").startsWith("audited-"));
        assertFalse(edit.containsKey("old_scopes"), "only what changed");
    }

    @Test
    void filtersByCidrBlockAndTokenType() {
        String inBlock = createFrom("198.51.100.42", "cidr-in-" + UUID.randomUUID());
        String outside = createFrom("203.0.113.9", "cidr-out-" + UUID.randomUUID());

        JsonArray rows = Json.array(Api.send("GET",
                "/users/observer/token-change-history?ip_address=198.51.100.0/24&token_type=user&limit=1000",
                observer, null).body());

        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.asJsonObject().getString("token")));
        assertTrue(keys.contains(Api.key(inBlock)));
        assertFalse(keys.contains(Api.key(outside)));
        assertError(422, "invalid_ip_address", Api.send("GET",
                "/users/observer/token-change-history?ip_address=not-an-ip", observer, null));
        assertError(422, "invalid_token_type", Api.send("GET",
                "/users/observer/token-change-history?token_type=wizard", observer, null));
    }

    @Test
    void pagesFollowTheLinkHeaderAndCountEverything() {
        for (int i = 0; i < 5; i++) {
            createFrom("192.0.2.200", "paged-" + UUID.randomUUID());
        }
        HttpResponse<String> first = Api.send("GET", "/users/observer/token-change-history?limit=2", observer, null);
        long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(total >= 5);

        List<String> seen = new ArrayList<>();
        HttpResponse<String> page = first;
        while (true) {
            JsonArray rows = Json.array(page.body());
            assertTrue(rows.size() <= 2);
            rows.forEach(row -> seen.add(row.toString()));
            Matcher next = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
            if (!next.find()) {
                break;
            }
            page = Api.send("GET", next.group(1), observer, null);
        }
        // the pages, one after the other, are the whole history in one answer: every row once, in its place (two
        // rows may be alike, such as two edits of a token in one second)
        assertTrue(total <= 1000, "the whole history fits in one answer: " + total);
        List<String> whole = Json.array(Api.send("GET", "/users/observer/token-change-history?limit=1000", observer,
                null).body()).stream().map(Object::toString).toList();
        assertEquals(total, seen.size(), "every row once");
        assertEquals(whole, seen);
        assertError(422, "invalid_cursor", Api.send("GET",
                "/users/observer/token-change-history?cursor=garbage", observer, null));
    }

    @Test
    void globalHistoryFiltersByUserAndActorForAdmins() {
        String token = createFrom("192.0.2.1", "global-" + UUID.randomUUID());

        JsonArray rows = Json.array(Api.send("GET", "/history/token-changes?username=observer&actor=observer&key="
                + Api.key(token), Api.bearer(adminToken), null).body());

        assertEquals(1, rows.size(), rows.toString());
        assertEquals("create", rows.getJsonObject(0).getString("action"));
    }

    /** Creates an observer token as if through a reverse proxy on loopback that saw the client at {@code ip}. */
    private static String createFrom(String ip, String name) {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(
                        URI.create(Api.BASE + "/users/observer/tokens"))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", observer.cookie())
                .header("X-CSRF-Token", observer.csrf())
                .header("X-Forwarded-For", "10.1.1.1, " + ip)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.tokenRequest(name, List.of("read:tap"), null)))
                .build());
        assertEquals(201, response.statusCode(), response.body());
        return Api.remember(Json.object(response.body()).getString("token"));
    }
}
