package org.sciplat.tap.service.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.tap.service.migration.TapDatabase;

/**
 * What a TAP query could reach if the ADQL translator let anything through: the statements run directly as the
 * archive user, on a database holding the token tables and the published TAP_SCHEMA.
 */
class ArchiveReaderTest {

    private static JdbcDataSource asArchiveUser;

    @BeforeAll
    static void publish() throws SQLException {
        JdbcDataSource owner = (JdbcDataSource) TapDatabase.migrated("archive-reader");
        new Catalogue(owner, new ArchiveReader("archive", "archive-test"))
                .publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
        asArchiveUser = new JdbcDataSource();
        // without the owner's settings (DB_CLOSE_DELAY), which only an administrator may make
        asArchiveUser.setURL(owner.getURL().replaceFirst(";.*", ""));
        asArchiveUser.setUser("archive");
        asArchiveUser.setPassword("archive-test");
    }

    @Test
    void readsThePublishedTables() throws SQLException {
        try (Connection connection = asArchiveUser.getConnection();
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM tap_schema.tables")) {
            tables.next();
            assertTrue(tables.getInt(1) >= TapSchemaTables.ALL.size(), "TAP_SCHEMA describes at least itself");
        }
    }

    @Test
    void cannotReadTheTokenTables() throws SQLException {
        try (Connection connection = asArchiveUser.getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"token", "token_change_history", "directory_user"}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.executeQuery("SELECT * FROM " + table).close(), table);
                assertEquals(90096, refused.getErrorCode(), table + ": H2's 'not enough rights', not another error");
            }
        }
    }

    @Test
    void cannotChangeThePublishedTables() throws SQLException {
        try (Connection connection = asArchiveUser.getConnection();
             Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("DELETE FROM tap_schema.tables"));
            assertEquals(90096, refused.getErrorCode());
        }
    }

    @Test
    void aNameThatWouldNeedQuotingIsRefused() {
        Catalogue catalogue = new Catalogue(asArchiveUser, new ArchiveReader("archive; DROP ALL OBJECTS", "x"));
        assertThrows(SQLException.class, () -> catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL));
    }
}
