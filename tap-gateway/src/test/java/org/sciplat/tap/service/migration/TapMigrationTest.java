package org.sciplat.tap.service.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.schema.InMemoryDatabase;

/**
 * The TAP service's migrations create its tables on a new database, whichever of core's and its own run first, and
 * take over those that core's migrations as first released created, with their rows.
 */
class TapMigrationTest {

    private static final Set<String> TAP_SCHEMA = Set.of("COLUMNS", "KEYS", "KEY_COLUMNS", "SCHEMAS", "TABLES");
    private static final Set<String> OWN = Set.of("TAP_LOCK", "UWS_JOB", "UWS_JOB_PARAMETER", "UWS_RESULT_CHUNK",
            "tap_schema_history");

    @Test
    void createEverythingOnANewDatabase() throws SQLException {
        DataSource database = TapDatabase.migrated("tap-new");

        assertEquals(TAP_SCHEMA, tables(database, "TAP_SCHEMA"));
        Set<String> own = tables(database, "PUBLIC");
        assertTrue(own.containsAll(OWN), own::toString);
        assertEquals(List.of("tap-schema"), column(database, "SELECT name FROM tap_lock"));
        assertEquals(List.of("0", "1", "2", "3", "4"), column(database, "SELECT \"version\" FROM \"tap_schema_history\""
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""), "baselined: core's tables are there");
    }

    @Test
    void runBeforeCoresOnAnEmptyDatabase() throws SQLException {
        InMemoryDatabase database = InMemoryDatabase.empty("tap-first");

        TapMigration.apply(database.dataSource());
        database.migrate();

        assertEquals(TAP_SCHEMA, tables(database.dataSource(), "TAP_SCHEMA"));
        assertTrue(tables(database.dataSource(), "PUBLIC").containsAll(Set.of("TOKEN", "CLUSTER_LEASE")));
    }

    @Test
    void takeOverTheTablesOfCoresFirstMigrationsWithTheirRows() throws SQLException {
        InMemoryDatabase database = InMemoryDatabase.firstReleased("tap-first-released");
        DataSource dataSource = database.dataSource();
        execute(dataSource, "INSERT INTO uws_job (job_id, username, phase, created, execution_duration, destruction)"
                + " VALUES ('kept', 'astronomer', 'COMPLETED', CURRENT_TIMESTAMP, 600, CURRENT_TIMESTAMP)");
        execute(dataSource, "INSERT INTO tap_schema.schemas (schema_name) VALUES ('kept')");
        execute(dataSource, "INSERT INTO wise_00.allwise_p3as_mep (cntr_mf, source_id_mf, ra, decl, cntr, mjd)"
                + " VALUES (1, 'kept', 0, 0, 1, 55203)");

        database.migrate();
        TapMigration.apply(dataSource);

        assertEquals(List.of("kept"), column(dataSource, "SELECT job_id FROM uws_job"));
        assertEquals(List.of("kept"), column(dataSource, "SELECT schema_name FROM tap_schema.schemas"));
        assertEquals(List.of("kept"), column(dataSource, "SELECT source_id_mf FROM wise_00.allwise_p3as_mep"));
        assertEquals(List.of("tap-schema"), column(dataSource, "SELECT name FROM tap_lock"));
        assertEquals(List.of("1", "2", "3", "4"), column(dataSource, "SELECT \"version\" FROM \"tap_schema_history\""
                + " WHERE \"success\" AND \"type\" = 'SQL' ORDER BY \"installed_rank\""));
    }

    private static Set<String> tables(DataSource database, String schema) throws SQLException {
        return new TreeSet<>(column(database, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = '" + schema + "'"));
    }

    private static List<String> column(DataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
