package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;

/**
 * A token's description through the API: given at creation (by the user or an administrator), shown in the
 * token's JSON, edited and removed by an administrator with the change history keeping what it replaced, and
 * every hostile value refused with 422 invalid_description, never echoed.
 */
class TokenDescriptionIT {

    private static final String PATH = "/users/observer/tokens";
    private static Api.Session observer;
    private static Api.Session admin;

    @BeforeAll
    static void login() {
        observer = Api.login("observer", "observer-demo");
        admin = Api.login("admin", "admin-demo");
    }

    @Test
    void aDescriptionIsKeptShownEditedAndRemembered() {
        String name = "described " + System.nanoTime();
        HttpResponse<String> created = Api.send("POST", PATH, observer, "{\"token_name\": \"" + name
                + "\", \"description\": \"  pyvo on the cluster  \", \"scopes\": [\"read:tap\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String key = Api.key(Api.remember(Json.object(created.body()).getString("token")));
        assertEquals("pyvo on the cluster", token(key).getString("description"), "kept without the spaces around");

        HttpResponse<String> edited = Api.send("PATCH", PATH + "/" + key, admin,
                "{\"description\": \"pyvo on the new cluster\"}");
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals("pyvo on the new cluster", Json.object(edited.body()).getString("description"));
        JsonObject edit = Json.array(Api.send("GET", PATH + "/" + key + "/change-history", observer, null).body())
                .stream().map(JsonObject.class::cast).filter(row -> "edit".equals(row.getString("action")))
                .findFirst().orElseThrow();
        assertEquals("pyvo on the new cluster", edit.getString("description"));
        assertEquals("pyvo on the cluster", edit.getString("old_description"));

        assertEquals(200, Api.send("PATCH", PATH + "/" + key, admin, "{\"description\": null}").statusCode());
        assertFalse(token(key).containsKey("description"), "null removes it, and an absent one is left out");
        HttpResponse<String> owner = Api.send("PATCH", PATH + "/" + key, observer, "{\"description\": \"mine\"}");
        assertEquals(403, owner.statusCode(), "edits are an administrator's, as for the name: " + owner.body());
    }

    @Test
    void anAdministratorGivesOneToAServiceToken() {
        HttpResponse<String> created = Api.send("POST", "/tokens", admin, "{\"username\": \"bot-ingest\", "
                + "\"token_type\": \"service\", \"description\": \"nightly ingest\", \"scopes\": [\"read:tap\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String token = Api.remember(Json.object(created.body()).getString("token"));
        JsonObject shown = Json.object(Api.send("GET", "/users/bot-ingest/tokens/" + Api.key(token), admin, null)
                .body());
        assertEquals("nightly ingest", shown.getString("description"));
    }

    @Test
    void hostileDescriptionsAreRefusedAndNeverEchoed() {
        String key = Api.key(Api.createToken(observer, "hostile " + System.nanoTime(), List.of("read:tap"), null));
        for (String hostile : List.of("two\\nlines", "tab\\there", "bell\\u0007", "nul\\u0000",
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "x".repeat(257))) {
            HttpResponse<String> created = Api.send("POST", PATH, observer, "{\"token_name\": \"h " + System.nanoTime()
                    + "\", \"description\": \"" + hostile + "\", \"scopes\": [\"read:tap\"]}");
            refused(created, hostile);
            refused(Api.send("PATCH", PATH + "/" + key, admin, "{\"description\": \"" + hostile + "\"}"), hostile);
        }
        for (String wrongType : List.of("1", "[\"x\"]", "{\"x\": 1}", "true")) {
            HttpResponse<String> created = Api.send("POST", PATH, observer, "{\"token_name\": \"h " + System.nanoTime()
                    + "\", \"description\": " + wrongType + ", \"scopes\": [\"read:tap\"]}");
            assertEquals(422, created.statusCode(), wrongType + ": " + created.body());
        }
    }

    private static void refused(HttpResponse<String> answer, String hostile) {
        assertEquals(422, answer.statusCode(), hostile + ": " + answer.body());
        JsonObject detail = Json.object(answer.body()).getJsonArray("detail").getJsonObject(0);
        assertEquals("invalid_description", detail.getString("type"), answer.body());
        assertEquals(List.of("body", "description"), detail.getJsonArray("loc").getValuesAs(
                jakarta.json.JsonString::getString));
        assertFalse(answer.body().contains("<"), "never echoed: " + answer.body());
        assertFalse(answer.body().contains("xxxxxxxxxx"), "never echoed: " + answer.body());
    }

    private static JsonObject token(String key) {
        HttpResponse<String> shown = Api.send("GET", PATH + "/" + key, observer, null);
        assertEquals(200, shown.statusCode(), shown.body());
        return Json.object(shown.body());
    }
}
