package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * The embedded database is the file the server created (IFEXISTS: the test never creates one of its own), and a
 * restart neither loses nor re-creates it: a row the test writes into the file while the server is stopped is
 * there once the server is back (the test then reads it through the server, as H2's AUTO_SERVER lets it).
 */
class DatabaseSurvivesRestartIT {


    @Test
    void rowWrittenBeforeARestartIsThereAfterIt() throws SQLException {
        String username = "restart-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");

        TestServer.stop();
        try (Connection db = TestDatabase.open();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO directory_user (username, password_hash, created) VALUES (?, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, "not-a-login");
            insert.setObject(3, LocalDateTime.now());
            insert.executeUpdate();
        }
        TestServer.start();
        // read beside the running server (H2's AUTO_SERVER), which has opened, migrated and used the file by now
        try (Connection db = TestDatabase.open()) {
            assertEquals(1, count(db, username), "the row written before the restart");
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM directory_user WHERE username = ?")) {
                delete.setString(1, username);
                delete.executeUpdate();
            }
        }
    }

    private static int count(Connection db, String username) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM directory_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
