package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * After every other test has run: no token secret the tests were handed appears in the database (a full dump)
 * or in anything the server logged (messages, console, trace, FFDC incident files).
 */
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
        for (String secret : forbidden) {
            assertFalse(dump.contains(secret), "a secret is in the database dump");
            for (String log : logs) {
                assertFalse(log.contains(secret), "a secret is in a server log");
            }
        }
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
