package org.sciplat.token.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * A database that core's migrations as first released built (the TAP tables and leases included) starts with
 * today's: V3's one known change is accepted, V2 and V4 are no longer core's, and nothing is lost.
 */
class FirstReleasedDatabaseTest {

    @Test
    void migratesAndKeepsEverything() throws SQLException {
        InMemoryDatabase database = InMemoryDatabase.firstReleased("first-released-core");
        execute(database, "INSERT INTO directory_user (username, password_hash, created)"
                + " VALUES ('kept', 'hash', CURRENT_TIMESTAMP)");

        database.migrate();

        assertEquals(checksumOfV3(InMemoryDatabase.migrated("fresh-core")), checksumOfV3(database));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM directory_user WHERE username = 'kept'"));
        assertEquals(3, count(database, "SELECT COUNT(*) FROM \"flyway_schema_history\""
                + " WHERE \"version\" IN ('2', '3', '4') AND \"success\""), "history kept as it was");
        assertEquals(0, count(database, "SELECT COUNT(*) FROM tap_schema.tables"), "still there, the TAP service's");
    }

    @Test
    void anyOtherChangeToAnAppliedMigrationStillFails() throws SQLException {
        InMemoryDatabase database = InMemoryDatabase.firstReleased("first-released-tampered");
        execute(database, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '3'");

        assertThrows(FlywayValidateException.class, database::migrate);
    }

    private static int checksumOfV3(InMemoryDatabase database) throws SQLException {
        return count(database, "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '3'");
    }

    private static int count(InMemoryDatabase database, String query) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void execute(InMemoryDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
