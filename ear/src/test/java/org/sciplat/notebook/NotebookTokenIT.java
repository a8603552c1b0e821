package org.sciplat.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.OnEveryDatabase;

/** Delegated tokens as a notebook service gets them for a user who just logged in. */
@OnEveryDatabase
class NotebookTokenIT {

    @Test
    void theNotebookTokenIsReusedWithinASessionAndRenewedByANewLogin() {
        Api.Session first = Api.login("astronomer", "astronomer-demo");
        JsonObject notebook = notebookToken(first);
        assertEquals("notebook", notebook.getString("token_type"));
        assertEquals(scopes(Json.object(Api.send("GET", "/login", first, null).body())), scopes(notebook),
                "the session's scopes");
        assertEquals(notebook.getString("token"), notebookToken(first).getString("token"), "the same one again");

        assertEquals(204, Api.send("POST", "/logout", first, null).statusCode());
        assertEquals(401, Api.send("GET", "/token-info", Api.bearer(notebook.getString("token")), null).statusCode(),
                "logging out revoked the session's notebook token");

        Api.Session second = Api.login("astronomer", "astronomer-demo");
        JsonObject renewed = notebookToken(second);
        assertNotEquals(notebook.getString("token"), renewed.getString("token"));
        JsonObject info = Json.object(Api.send("GET", "/token-info", Api.bearer(renewed.getString("token")), null)
                .body());
        assertEquals(Api.key(second.token()), info.getString("parent"));
        assertTrue(info.getJsonNumber("expires").longValue()
                <= Json.object(Api.send("GET", "/token-info", Api.bearer(second.token()), null).body())
                        .getJsonNumber("expires").longValue(), "never outlives its session");
    }

    @Test
    void concurrentRequestsOfOneSessionGetOneToken() throws Exception {
        Api.Session session = Api.login("observer", "observer-demo");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> requests = IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> notebookToken(session).getString("token"))
                    .toList();
            Set<String> tokens = pool.invokeAll(requests).stream().map(NotebookTokenIT::get)
                    .collect(Collectors.toSet());
            assertEquals(1, tokens.size(), "one token, not one per request");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInternalTokenNeverHasAScopeItsSessionLacks() {
        Api.Session session = Api.login("astronomer", "astronomer-demo");

        HttpResponse<String> response = Api.send("POST", "/internal-token", Api.bearer(session.token()),
                "{\"service\": \"portal\", \"scopes\": [\"read:tap\", \"admin:token\", \"read:image\"]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject internal = Json.object(response.body());
        Api.remember(internal.getString("token"));
        assertEquals("internal", internal.getString("token_type"));
        assertEquals("portal", internal.getString("service"));
        assertEquals(List.of("read:image", "read:tap"), scopes(internal));
        assertEquals(422, Api.send("POST", "/internal-token", Api.bearer(session.token()),
                "{\"scopes\": [\"read:tap\"]}").statusCode(), "a service is required");
    }

    @Test
    void onlyALoginSessionDelegates() {
        Api.Session session = Api.login("astronomer", "astronomer-demo");
        String user = Api.createToken(session, "not-a-session-" + System.nanoTime(), List.of("read:tap"), null);

        HttpResponse<String> response = Api.send("POST", "/notebook-token", Api.bearer(user), "{}");

        assertEquals(403, response.statusCode(), response.body());
        assertFalse(response.body().contains("gt-"));
    }

    static JsonObject notebookToken(Api.Session session) {
        HttpResponse<String> response = Api.send("POST", "/notebook-token", Api.bearer(session.token()), "{}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject notebook = Json.object(response.body());
        Api.remember(notebook.getString("token"));
        return notebook;
    }

    private static List<String> scopes(JsonObject json) {
        return json.getJsonArray("scopes").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
