package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

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
    void adminCenterLoginPageAnswersOverHttps() throws Exception {
        int httpsPort = Integer.parseInt(System.getProperty("it.https.port", "9444"));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trustingTheServersSelfSignedCertificate())
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

    private static SSLContext trustingTheServersSelfSignedCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
