package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.TestServer;

/**
 * The OpenAPI document the server serves is the one the build made, linted and generated the tests' client from
 * (token-api and ear/pom.xml): so that client is what a consumer generates from /openapi.
 */
class OpenApiDocumentIT {

    private static final Path BUILD_DOCUMENT = Path.of(System.getProperty("it.openapi.document",
            "target/openapi/openapi.json"));

    @Test
    void servedDocumentIsTheBuildsDocument() throws IOException {
        HttpResponse<String> response = TestServer.get("/openapi", "Accept", "application/json");

        assertEquals(200, response.statusCode());
        JsonObject served = Json.object(response.body());
        assertEquals(Json.object(Files.readString(BUILD_DOCUMENT)), served,
                "the served document differs from " + BUILD_DOCUMENT + ": the generated client does not match it");
    }

    @Test
    void servedDocumentNamesItsServerRelativeToItself() {
        HttpResponse<String> response = TestServer.get("/openapi");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("title: Science Platform Tokens API"), response.body());
        assertTrue(response.body().contains("servers:\n- url: /auth\n"),
                "a relative server, which is right behind any proxy: " + response.body());
    }
}
