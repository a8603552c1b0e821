package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/** token-api is deployed inside the EAR at /auth, its JAX-RS application at /api/v1, and reaches the database. */
class ServiceMetadataIT {

    @Test
    void answersJsonReadFromTheDatabase() {
        HttpResponse<String> response = TestServer.get("/auth/api/v1/");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject metadata = Json.object(response.body());
        assertEquals("Science Platform Tokens", metadata.getString("name"));
        assertEquals(TestDatabase.newestMigration(), metadata.getString("schema_version"),
                "the schema version recorded by Flyway");
        assertTrue(metadata.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), metadata.toString());
    }
}
