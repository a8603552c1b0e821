package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * After every other test has run: no token secret the tests were handed, nor any password of the user directory,
 * appears in the database (a full dump) or in anything the server logged (messages, console, trace, FFDC incident
 * files); and messages.log is JSON, one event per line, however many stack traces and hostile inputs it took in.
 */
@OnEveryDatabase
@Order(Integer.MAX_VALUE)
class NoSecretLeakedIT {

    @Test
    void neitherTheDatabaseNorTheLogsHoldASecret() throws Exception {
        Set<String> tokens = Api.seenTokens();
        assertTrue(tokens.size() >= 10, "the other tests ran first and handed out tokens: " + tokens.size());
        String dump = TestDatabase.dump();
        List<String> logs = logFiles();
        assertFalse(logs.isEmpty());

        for (String token : tokens) {
            assertTrue(dump.contains(Api.key(token)), "the dump is of the database the tests used");
        }
        List<String> forbidden = new ArrayList<>();
        for (String token : tokens) {
            forbidden.add(token.substring(26));
            // as clients send it in a Basic header, either way round
            forbidden.add(base64("x-oauth-basic:" + token));
            forbidden.add(base64(token + ":x-oauth-basic"));
        }
        forbidden.add(System.getProperty("it.bootstrap.token").substring(26));
        forbidden.addAll(directoryPasswords());
        for (String secret : forbidden) {
            assertFalse(dump.contains(secret), "a secret is in the database dump");
            for (String log : logs) {
                assertFalse(log.contains(secret), "a secret is in a server log");
            }
        }
    }

    /**
     * The messages.log of the server's last start (earlier ones are rolled over at each start, and a server dir kept
     * from before the logs were JSON still holds some in the old format).
     */
    @Test
    void messagesLogIsOneJsonEventPerLine() throws IOException {
        List<String> lines = Files.readAllLines(TestServer.SERVER_DIR.resolve("logs/messages.log"),
                StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty());
        Set<String> types = new HashSet<>();
        Set<String> modules = new HashSet<>();
        for (String line : lines) {
            JsonObject event = Json.object(line);
            types.add(event.getString("type"));
            modules.add(event.getString("module", ""));
            assertTrue(event.containsKey("ibm_datetime"), line);
            if (event.getString("type").equals("liberty_message")) {
                assertTrue(event.containsKey("message"), line);
            }
        }
        assertTrue(types.contains("liberty_message"), types.toString());
        assertTrue(Set.of("liberty_message", "liberty_ffdc").containsAll(types), types.toString());
        assertTrue(modules.contains("org.sciplat.token.core.schema.SchemaMigration"),
                "the application's own log records are JSON events too: " + modules);
    }

    /** The demonstration users' passwords, as the test server's seed file gives them. */
    private static List<String> directoryPasswords() throws IOException {
        JsonObject seed = Json.object(Files.readString(TestServer.SERVER_DIR.resolve("users.json")));
        List<String> passwords = seed.getJsonArray("users").stream()
                .map(user -> user.asJsonObject().getString("password"))
                .toList();
        assertTrue(passwords.contains("astronomer-demo"), passwords.toString());
        return passwords;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> logFiles() throws IOException {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestServer.SERVER_DIR.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return contents;
    }
}
