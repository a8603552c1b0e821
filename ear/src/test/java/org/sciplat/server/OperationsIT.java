package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;
import org.sciplat.it.WebForm;

@OnEveryDatabase
class OperationsIT {

    @Test
    void readinessIsUpWithTheDatabaseCheck() {
        HttpResponse<String> response = TestServer.get("/health/ready");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Json.object(response.body());
        assertEquals("UP", health.getString("status"));
        assertEquals(1, health.getJsonArray("checks").size(), "one database check, not one per module");
        JsonObject database = health.getJsonArray("checks").getJsonObject(0);
        assertEquals("database", database.getString("name"));
        assertEquals(TestDatabase.newestMigration(), database.getJsonObject("data").getString("schema_version"));
    }

    @Test
    void livenessChecksTheHeapAndDeadlocksNeverTheDatabase() {
        HttpResponse<String> response = TestServer.get("/health/live");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Json.object(response.body());
        assertEquals("UP", health.getString("status"));
        Map<String, JsonObject> checks = byName(health);
        assertEquals(Set.of("heap", "deadlocks"), checks.keySet());
        JsonObject heap = checks.get("heap");
        assertEquals("UP", heap.getString("status"));
        long maxMb = heap.getJsonObject("data").getJsonNumber("max_mb").longValue();
        long usedMb = heap.getJsonObject("data").getJsonNumber("used_after_gc_mb").longValue();
        assertTrue(usedMb >= 0 && usedMb < maxMb, heap.toString());
        JsonObject deadlocks = checks.get("deadlocks");
        assertEquals("UP", deadlocks.getString("status"));
        assertEquals(0, deadlocks.getJsonObject("data").getInt("deadlocked_threads"));
    }

    @Test
    void startupReportsWhenTheApplicationStarted() {
        HttpResponse<String> response = TestServer.get("/health/started");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Json.object(response.body());
        assertEquals("UP", health.getString("status"));
        JsonObject application = byName(health).get("application");
        assertEquals("UP", application.getString("status"));
        Instant started = Instant.parse(application.getJsonObject("data").getString("started"));
        assertTrue(started.isBefore(Instant.now().plusSeconds(1)), started.toString());
    }

    @Test
    void adminCenterLoginPageAnswersOverHttps() throws Exception {
        int httpsPort = Integer.parseInt(System.getProperty("it.https.port", "9444"));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(WebForm.trustingTheServersSelfSignedCertificate())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/adminCenter/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.uri().getPath().endsWith("login.jsp"), response.uri().toString());
        assertTrue(response.body().contains("j_password"), "a login form");
    }

    @Test
    void strictTransportSecurityOnHttpsOnly() throws Exception {
        int httpsPort = Integer.parseInt(System.getProperty("it.https.port", "9444"));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(WebForm.trustingTheServersSelfSignedCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        for (String path : new String[] {"/api/tap/availability", "/auth/api/v1/user-info", "/login.xhtml"}) {
            HttpResponse<String> https = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("max-age=31536000", https.headers().firstValue("Strict-Transport-Security").orElse(""),
                    path);
            assertTrue(TestServer.get(path).headers().firstValue("Strict-Transport-Security").isEmpty(), path);
        }
    }

    private static Map<String, JsonObject> byName(JsonObject health) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
    }
}
