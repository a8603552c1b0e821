package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.it.Api;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;

/**
 * Queries written to reach past the published tables (H2's file functions, the token tables, INFORMATION_SCHEMA,
 * DML, stacked statements, comments, enormous literals) are each answered with an ADQL error document, and none
 * of them changes anything.
 */
@OnEveryDatabase
class HostileAdqlIT {

    private static final Path PROBE = Path.of(System.getProperty("java.io.tmpdir"), "sciplat-hostile-probe.csv");
    private static String token;

    @BeforeAll
    static void token() {
        token = TapService.token();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT FILE_READ('/etc/passwd') FROM TAP_SCHEMA.schemas",
        "SELECT CSVWRITE('/tmp/sciplat-hostile-probe.csv', 'SELECT * FROM token') FROM TAP_SCHEMA.schemas",
        "SELECT * FROM TAP_SCHEMA.schemas WHERE 1 = LINK_SCHEMA('x', '', 'jdbc:h2:mem:x', '', '', 'PUBLIC')",
        "SELECT * FROM INFORMATION_SCHEMA.TABLES",
        "SELECT secret_hash FROM token",
        "SELECT * FROM PUBLIC.directory_user",
        "DELETE FROM wise_00.allwise_p3as_mep",
        "DROP TABLE token",
        "UPDATE TAP_SCHEMA.tables SET description = 'x'",
        "SELECT COUNT(*) FROM TAP_SCHEMA.schemas; DROP TABLE token",
        "SELECT COUNT(*) FROM TAP_SCHEMA.schemas -- a comment\n; DELETE FROM token",
        "SELECT COUNT(*) FROM TAP_SCHEMA.schemas /* a comment */; SHUTDOWN",
        "SELECT schema_name FROM TAP_SCHEMA.schemas WHERE schema_name = 'x'''; DROP TABLE token; --'",
        "SELECT ra FROM wise_00.allwise_p3as_mep WHERE decl = 1"
                + "000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "CALL SLEEP(60)",
        "SELECT * FROM TAP_SCHEMA.schemas UNION SELECT user_name, '', '', 1 FROM INFORMATION_SCHEMA.USERS"
    })
    void isRefusedWithAnAdqlErrorDocument(String adql) throws SQLException {
        long tokens = count("SELECT COUNT(*) FROM token");

        HttpResponse<String> response = TapService.sync(Api.bearer(token), Map.of("LANG", "ADQL", "QUERY", adql));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
        assertTrue(response.body().contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), response.body());
        assertEquals(tokens, count("SELECT COUNT(*) FROM token"));
        assertFalse(Files.exists(PROBE), "no file was written");
    }

    @Test
    void aHugeLiteralIsRefusedUnread() {
        String huge = "SELECT ra FROM wise_00.allwise_p3as_mep WHERE source_id_mf = '" + "x".repeat(300_000) + "'";

        HttpResponse<String> response = TapService.sync(Api.bearer(token), Map.of("LANG", "ADQL", "QUERY", huge));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("at most"), response.body());
    }

    @Test
    void theDemoTableAndTheTokenTablesAreUntouched() throws SQLException {
        assertEquals(250_000, count("SELECT COUNT(*) FROM WISE_00.ALLWISE_P3AS_MEP"));
        assertTrue(count("SELECT COUNT(*) FROM directory_user") > 0);
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.open(); Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
