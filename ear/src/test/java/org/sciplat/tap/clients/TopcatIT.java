package org.sciplat.tap.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;
import org.sciplat.it.UploadCatalogue;

/**
 * Debian's TOPCAT in a real X session (Xvfb), with a token as its Basic password: it loads the cone query's result
 * from the TAP service, and its TAP window cross-matches a catalogue it uploads; screenshots of both are kept
 * (ear/target/screenshots/topcat-cone-query.png, topcat-upload-join.png).
 */
class TopcatIT {

    @Test
    void topcatLoadsAQueryResultWithAToken() throws IOException, InterruptedException {
        String token = TapService.token();
        Path screenshot = Path.of(System.getProperty("it.screenshot.dir"), "topcat-cone-query.png").toAbsolutePath();
        Path loaded = Files.createTempFile("topcat", ".loaded");
        Files.delete(loaded);
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        String url = TapService.URL + "/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + URLEncoder.encode(TapService.CONE, StandardCharsets.UTF_8);
        // TOPCAT runs until it is closed: the script photographs the screen once the test has seen the token used
        // (and given TOPCAT a moment to draw the table), then ends it
        String script = "topcat -Dstar.basicauth.user=x-oauth-basic -Dstar.basicauth.password=\"$TAP_TOKEN\""
                + " -f votable \"$TAP_URL\" & pid=$!; i=0; while [ ! -e \"$LOADED\" ] && [ $i -lt 120 ]; do"
                + " sleep 1; i=$((i+1)); done; import -window root \"$SCREENSHOT\"; kill $pid";
        ProcessBuilder builder = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c",
                script).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("TAP_TOKEN", token, "TAP_URL", url,
                "SCREENSHOT", screenshot.toString(), "LOADED", loaded.toString()));
        Process topcat = builder.start();
        try {
            JsonObject used = awaitUse(token, Duration.ofSeconds(100));
            assertTrue(used.containsKey("last_used"), "TOPCAT authenticated with the token: " + used);
            Thread.sleep(6_000);
            Files.createFile(loaded);
            assertTrue(topcat.waitFor(60, TimeUnit.SECONDS), "TOPCAT was photographed and closed");
        } finally {
            topcat.destroyForcibly();
            Files.deleteIfExists(loaded);
        }
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of TOPCAT's window was taken");
    }

    /**
     * TOPCAT's upload join, driven in TOPCAT's JVM by the resource topcat/TopcatUploadJoin.java (run from source with
     * TOPCAT's jar as its class path): TOPCAT holds the catalogue as table 1, and its TAP window's query uploads it
     * as TAP_UPLOAD.t1. The table TOPCAT loads from the answer has the pairs of a brute-force great-circle match.
     */
    @Test
    void topcatsUploadJoinCrossMatchesACatalogueAsABruteForceMatch() throws Exception {
        String token = TapService.token();
        UploadCatalogue catalogue = UploadCatalogue.write();
        Path screenshot = Path.of(System.getProperty("it.screenshot.dir"), "topcat-upload-join.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        Path rows = Files.createTempFile("topcat-upload-join", ".csv");
        Path driver = Path.of(TopcatIT.class.getResource("/topcat/TopcatUploadJoin.java").toURI());
        try {
            Run run = TapService.run(Duration.ofSeconds(150), Map.of(), "xvfb-run", "-a", "-s",
                    "-screen 0 1700x950x24", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dstar.basicauth.user=x-oauth-basic", "-Dstar.basicauth.password=" + token,
                    "-cp", "/usr/share/java/starlink-topcat.jar", driver.toString(), TapService.URL,
                    catalogue.file().toString(), catalogue.adql("t1"), rows.toString(), screenshot.toString());
            assertEquals(0, run.exitCode(), "TOPCAT's upload join: " + run.stderr().lines()
                    .filter(line -> !line.startsWith("INFO: ") && !line.contains("StarTableFactory <init>"))
                    .collect(Collectors.joining("\n")));
            assertEquals(catalogue.expected(), UploadCatalogue.pairs(Files.readAllLines(rows)));
        } finally {
            Files.delete(rows);
            Files.delete(catalogue.file());
        }
        assertTrue(awaitUse(token, Duration.ofSeconds(5)).containsKey("last_used"), "TOPCAT used the token");
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of TOPCAT's windows was taken");
    }

    /** The token as its owner's login session sees it, once it has been used (asking with it would use it). */
    private static JsonObject awaitUse(String token, Duration timeout) throws InterruptedException {
        Api.Session session = Api.login(Astronomer.USERNAME, "astronomer-demo");
        Instant deadline = Instant.now().plus(timeout);
        JsonObject info;
        do {
            HttpResponse<String> response = Api.send("GET", "/users/" + Astronomer.USERNAME + "/tokens/"
                    + Api.key(token), session, null);
            assertEquals(200, response.statusCode(), response.body());
            info = Json.object(response.body());
            if (info.containsKey("last_used")) {
                return info;
            }
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        return info;
    }
}
