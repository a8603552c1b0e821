package org.sciplat.tap.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;

/**
 * A token within seven days of its expiry makes the TAP service's VOTables carry an INFO saying so, which pyvo and
 * STILTS read back with the result (pyvo in the resource's infos, STILTS as a table parameter).
 */
class ExpiryInfoIT {

    private static final String QUERY = "SELECT TOP 3 table_name FROM TAP_SCHEMA.tables";
    private static Instant expires;
    private static String soon;

    @BeforeAll
    static void aTokenExpiringInThreeDays() {
        TapService.awaitAvailable();
        expires = Instant.now().plus(Duration.ofDays(3)).plusSeconds(60);
        soon = Astronomer.userToken(expires, "read:tap");
    }

    @Test
    void pyvoKeepsTheExpiryInfo() throws URISyntaxException {
        Path client = Path.of(ExpiryInfoIT.class.getResource("/pyvo_infos.py").toURI());
        Run run = TapService.run(Duration.ofMinutes(2), Map.of(), "/usr/bin/python3", client.toString(),
                TapService.URL, soon, QUERY);
        assertEquals(0, run.exitCode(), run.stderr());

        JsonObject info = Json.object(run.stdout()).getJsonObject("TOKEN_EXPIRY");
        assertEquals(expires.getEpochSecond(), Instant.parse(info.getString("value")).getEpochSecond());
        assertTrue(info.getString("text").startsWith("Token " + Api.key(soon) + " expires at "), info.toString());
        assertTrue(info.getString("text").contains("/rotate"), info.toString());
        assertEquals("OK", Json.object(run.stdout()).getJsonObject("QUERY_STATUS").getString("value"));
    }

    @Test
    void stiltsShowsItAsATableParameter() {
        Run run = TapService.stilts(soon, "tapquery", "tapurl=" + TapService.URL, "adql=" + QUERY, "sync=true",
                "omode=meta");
        assertEquals(0, run.exitCode(), run.stderr());
        // STIL keeps the INFO's value as the parameter's; its text is pyvo's to show
        assertTrue(run.stdout().matches("(?s).*TOKEN_EXPIRY:\\s+"
                + expires.truncatedTo(ChronoUnit.SECONDS) + "\\s.*"), run.stdout());
    }

    /** An async job's result is stored with its length; with the INFO added it is longer, and must arrive whole. */
    @Test
    void anAsyncJobsResultCarriesItWhole() {
        Run run = TapService.stilts(soon, "tapquery", "tapurl=" + TapService.URL, "adql=" + QUERY, "sync=false",
                "omode=out", "ofmt=csv");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(4, run.stdout().strip().lines().count(), "a header and three rows: " + run.stdout());
    }

    @Test
    void aTokenFarFromItsExpiryGetsNone() {
        String later = Astronomer.userToken(Instant.now().plus(Duration.ofDays(30)), "read:tap");

        HttpResponse<String> response = TapService.sync(Api.bearer(later), Map.of("LANG", "ADQL", "QUERY", QUERY));

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("TOKEN_EXPIRY"), response.body());
        HttpResponse<String> due = TapService.sync(Api.bearer(soon), Map.of("LANG", "ADQL", "QUERY", QUERY));
        assertTrue(due.body().matches("(?s).*<RESOURCE type=\"results\">\\s*<INFO name=\"TOKEN_EXPIRY\" value=\""
                + "[0-9T:-]+Z\">Token .*"), due.body());
    }
}
