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
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;

/**
 * Debian's TOPCAT in a real X session (Xvfb) loads the cone query's result from the TAP service with a token as
 * its Basic password, and a screenshot of it is kept (ear/target/screenshots/topcat-cone-query.png).
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
