package org.sciplat.tap.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Json;
import org.sciplat.it.Metrics;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;
import org.sciplat.it.UploadCatalogue;
import org.sciplat.it.WellFormed;

/**
 * Debian's STILTS, as a user runs it with the platform's documentation: the token as the Basic password of
 * x-oauth-basic, given as Java system properties; the service's first 401 is what makes it send them.
 */
@OnEveryDatabase
class StiltsIT {

    private static String token;
    private static List<String> expected;

    @BeforeAll
    static void tokenAndExpectedRows() throws SQLException {
        token = TapService.token();
        expected = TapService.coneByBruteForce();
        assertTrue(expected.size() > 1000, "the demo cone holds thousands of rows: " + expected.size());
    }

    @Test
    void synchronousConeQueryReturnsExactlyTheRowsWithinTheCone() {
        Run run = TapService.stilts(token, "tapquery", "tapurl=" + TapService.URL, "adql=" + TapService.CONE,
                "sync=true", "ofmt=csv");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(expected, TapService.normalisedCsvRows(run.stdout().lines().toList()));
    }

    @Test
    void asynchronousConeQueryReturnsTheSameRowsAndDeletesItsJob() {
        Run run = TapService.stilts(token, "tapquery", "tapurl=" + TapService.URL, "adql=" + TapService.CONE,
                "ofmt=csv", "progress=true");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(expected, TapService.normalisedCsvRows(run.stdout().lines()
                .filter(line -> !line.startsWith("Submitted") && !line.matches("^[A-Z]+$")).toList()));
        assertTrue(run.stderr().contains("COMPLETED") || run.stdout().contains("COMPLETED"),
                run.stdout() + run.stderr());
    }

    /**
     * A catalogue written here, uploaded by STILTS and cross-matched with the demo table in the service, gives the
     * pairs a great-circle match over every row of the table gives. Debian's STILTS streams an upload (chunked), so
     * the JDK cannot repeat it after the service's 401: the first table it uploads is read from the service itself,
     * which makes the JDK authenticate and then send the token with the upload.
     */
    @Test
    void anUploadedCatalogueCrossMatchesAsABruteForceMatch() throws Exception {
        UploadCatalogue catalogue = UploadCatalogue.write();

        String warmUp = TapService.URL + "/sync?REQUEST=doQuery&LANG=ADQL&QUERY="
                + URLEncoder.encode("SELECT TOP 1 schema_name FROM TAP_SCHEMA.schemas", StandardCharsets.UTF_8);
        Run run = TapService.stilts(token, "tapquery", "tapurl=" + TapService.URL, "nupload=2",
                "upload1=" + warmUp, "upname1=first", "upload2=" + catalogue.file(), "upname2=mine", "sync=true",
                "ofmt=csv", "adql=" + catalogue.adql("mine"));
        Files.delete(catalogue.file());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(catalogue.expected(), UploadCatalogue.pairs(run.stdout().lines().toList()));
    }

    @Test
    void taplintFindsNoErrors() {
        Run run = TapService.stilts(token, "taplint", "tapurl=" + TapService.URL, "format=json",
                "stages=-LOC");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonObject report = Json.object(run.stdout());
        JsonObject totals = report.getJsonObject("totals");
        assertEquals(0, totals.getInt("ERROR", 0), "taplint errors: " + errors(report));
        assertTrue(totals.getInt("SUMMARY", 0) > 10, "taplint ran its stages: " + totals);
    }

    @Test
    void aWrongPasswordRetriedByTheClientCostsOneDatabaseLookUp() {
        // a token of its own, which no other test's request has put in the verification cache; well formed, so
        // that the checksum lets it through to the look-up and the cache
        String wrong = WellFormed.wrongSecret(TapService.token(), "wrongSecretWrong");
        long before = Metrics.value("token_verification_database_lookups");

        Run run = TapService.stilts(wrong, "tapquery", "tapurl=" + TapService.URL, "adql=" + TapService.CONE,
                "sync=true", "ofmt=csv");

        assertNotEquals(0, run.exitCode(), "a wrong token must not get results");
        assertTrue(run.stderr().matches("(?s).*redirected too many\\s+times \\(20\\).*"),
                "the JDK retried the same wrong password until it gave up: " + run.stderr());
        assertEquals(before + 1, Metrics.value("token_verification_database_lookups"),
                "twenty identical attempts, one database look-up");
        assertFalse(run.stdout().contains("w1mpro_ep"));
    }

    private static String errors(JsonObject report) {
        StringBuilder errors = new StringBuilder();
        report.getJsonArray("sections").forEach(section -> section.asJsonObject().forEach((key, value) -> {
            if (value.toString().contains("\"E-")) {
                errors.append(value).append('\n');
            }
        }));
        return errors.toString();
    }
}
