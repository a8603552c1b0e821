package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;

/**
 * TAP queries run as a database user that may read the published tables and nothing else: what a query could do if
 * the ADQL translator let it through, tried directly as that user against the server's own database.
 */
@OnEveryDatabase
class ArchiveIsolationIT {

    @BeforeAll
    static void published() {
        TapService.awaitAvailable();
    }

    @Test
    void theArchiveReaderReadsThePublishedTables() throws SQLException {
        try (Connection connection = TestDatabase.openAsArchiveReader();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM wise_00.allwise_p3as_mep")) {
            rows.next();
            assertTrue(rows.getLong(1) > 0, "the demo table is readable");
        }
    }

    @Test
    void theArchiveReaderCannotReadTheTokenTables() throws SQLException {
        try (Connection connection = TestDatabase.openAsArchiveReader();
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"token", "token_change_history", "directory_user", "cluster_lease"}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.executeQuery("SELECT * FROM " + table).close(), table);
                assertTrue(isPermissionError(refused), table + ": " + refused.getMessage());
            }
        }
    }

    @Test
    void theArchiveReaderCannotChangeWhatItReads() throws SQLException {
        try (Connection connection = TestDatabase.openAsArchiveReader();
             Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("DELETE FROM tap_schema.tables"));
            assertTrue(isPermissionError(refused), refused.getMessage());
        }
    }

    /** PostgreSQL's insufficient_privilege, H2's "not enough rights": refused for rights, not for another error. */
    private static boolean isPermissionError(SQLException e) {
        return "42501".equals(e.getSQLState()) || e.getErrorCode() == 90096;
    }
}
