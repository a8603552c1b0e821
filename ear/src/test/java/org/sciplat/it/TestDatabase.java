package org.sciplat.it;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * The test server's H2 database, opened beside the running server (it runs with AUTO_SERVER), for what no API
 * offers: letting time pass for a token, and dumping everything stored.
 */
public final class TestDatabase {

    private static final String URL = "jdbc:h2:" + TestServer.SERVER_DIR.toAbsolutePath()
            + "/databases/tokens;IFEXISTS=TRUE;AUTO_SERVER=TRUE";

    private TestDatabase() {
    }

    public static Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "tokens", "tokens");
    }

    /** Makes a token expired an hour ago, as if that hour had passed. */
    public static void expire(String key) throws SQLException {
        try (Connection db = open();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE token SET expires = ? WHERE token_key = ?")) {
            update.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusHours(1));
            update.setString(2, key);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No token " + key);
            }
        }
    }

    /** The token service's part of the database as SQL, every table and row (not the TAP demo archive). */
    public static String dump() throws SQLException {
        StringWriter script = new StringWriter();
        try (Connection db = open(); Statement statement = db.createStatement();
                ResultSet lines = statement.executeQuery("SCRIPT SCHEMA PUBLIC")) {
            while (lines.next()) {
                script.append(lines.getString(1)).append('\n');
            }
        }
        return script.toString();
    }

    /** The version of the newest Flyway migration in the source tree: what the server's schema should be at. */
    public static String newestMigration() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.migrations.dir")))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
