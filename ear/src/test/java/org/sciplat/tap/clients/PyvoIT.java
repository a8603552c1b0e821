package org.sciplat.tap.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.it.Json;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;

/**
 * Debian's pyvo (in Debian's own Python, not whichever python3 comes first on PATH) with a requests session that
 * carries the token as HTTP Basic or as a Bearer token: sync and async queries and the table list.
 */
@OnEveryDatabase
class PyvoIT {

    private static final String DEBIAN_PYTHON = "/usr/bin/python3";
    private static String token;
    private static List<String> expected;

    @BeforeAll
    static void tokenAndExpectedRows() throws SQLException {
        token = TapService.token();
        expected = TapService.coneByBruteForce();
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "bearer"})
    void syncAsyncAndTablesWork(String mode) throws URISyntaxException {
        Path client = Path.of(PyvoIT.class.getResource("/pyvo_client.py").toURI());
        Run run = TapService.run(Duration.ofMinutes(3), Map.of(), DEBIAN_PYTHON, client.toString(),
                TapService.URL, token, mode, TapService.CONE);
        assertEquals(0, run.exitCode(), run.stderr());

        JsonObject result = Json.object(run.stdout());
        assertEquals(expected.size(), result.getInt("sync_rows"));
        assertEquals(expected.size(), result.getInt("async_rows"));
        assertEquals(List.of("w1mpro_ep", "w2mpro_ep", "w3mpro_ep"),
                result.getJsonArray("columns").getValuesAs(jakarta.json.JsonString::getString));
        double w1 = expected.stream().mapToDouble(row -> Double.parseDouble(row.split(",")[0])).sum();
        assertEquals(w1, result.getJsonNumber("w1_sum").doubleValue(), 0.05);
        List<String> tables = result.getJsonArray("tables").getValuesAs(jakarta.json.JsonString::getString);
        assertTrue(tables.contains("wise_00.allwise_p3as_mep"), tables.toString());
        assertTrue(tables.contains("tap_schema.columns"), tables.toString());
    }
}
