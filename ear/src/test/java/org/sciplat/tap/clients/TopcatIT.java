package org.sciplat.tap.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;

/**
 * Debian's TOPCAT in a real X session (Xvfb) loads the cone query's result from the TAP service with a token as
 * its Basic password, and a screenshot of it is kept (target/screenshots/topcat-cone-query.png).
 */
class TopcatIT {

    @Test
    void topcatLoadsAQueryResultWithAToken() throws IOException {
        String token = TapService.token();
        Path screenshot = Path.of("target", "screenshots", "topcat-cone-query.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        String url = TapService.URL + "/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + URLEncoder.encode(TapService.CONE, StandardCharsets.UTF_8);
        // TOPCAT runs until it is closed: the script gives it time to load and draw, photographs the screen,
        // and ends it
        String script = "topcat -Dstar.basicauth.user=x-oauth-basic -Dstar.basicauth.password=\"$TAP_TOKEN\""
                + " -f votable \"$TAP_URL\" & pid=$!; sleep 25; import -window root \"$SCREENSHOT\"; kill $pid";
        Run run = TapService.run(Duration.ofMinutes(2),
                Map.of("TAP_TOKEN", token, "TAP_URL", url, "SCREENSHOT", screenshot.toString()),
                "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", script);

        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of TOPCAT's window was taken");
        assertTrue(!run.stderr().contains("Exception"), run.stderr());
        // read with the user's login session: asking with the token itself would mark it used
        HttpResponse<String> tokens = Api.send("GET", "/users/" + Astronomer.USERNAME + "/tokens/" + Api.key(token),
                Api.login(Astronomer.USERNAME, "astronomer-demo"), null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(Json.object(tokens.body()).containsKey("last_used")
                && !Json.object(tokens.body()).isNull("last_used"), "TOPCAT used the token: " + tokens.body());
    }
}
