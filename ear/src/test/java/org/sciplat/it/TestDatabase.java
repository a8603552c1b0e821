package org.sciplat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test server's database, opened beside the running server, for what no API offers: letting time pass for a
 * token, and dumping everything stored. The build names a PostgreSQL database (it.db.url) when the server runs on
 * one; otherwise it is the server's H2 file, which the server opens with AUTO_SERVER so the tests may too.
 */
public final class TestDatabase {

    private static final String URL = System.getProperty("it.db.url", "jdbc:h2:"
            + TestServer.SERVER_DIR.toAbsolutePath() + "/databases/tokens;IFEXISTS=TRUE;AUTO_SERVER=TRUE");
    private static final String USER = System.getProperty("it.db.user", "tokens");
    private static final String PASSWORD = System.getProperty("it.db.password", "tokens");

    private TestDatabase() {
    }

    public static Connection open() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** The same database as the user TAP queries run as (server.xml's archive.db.user), as the server connects. */
    public static Connection openAsArchiveReader() throws SQLException {
        return DriverManager.getConnection(URL, System.getProperty("it.archive.user", "archive"),
                System.getProperty("it.archive.password", "archive"));
    }

    /** Makes a token expired an hour ago, as if that hour had passed. */
    public static void expire(String key) throws SQLException {
        expiresIn(key, Duration.ofHours(-1));
    }

    /** Moves the token's expiry as time passing would, without anything the service does on an edit. */
    public static void expiresIn(String key, Duration fromNow) throws SQLException {
        try (Connection db = open();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE token SET expires = ? WHERE token_key = ?")) {
            update.setObject(1, LocalDateTime.now(ZoneOffset.UTC).plus(fromNow));
            update.setString(2, key);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No token " + key);
            }
        }
    }

    /** Sets when the token was created and when it expires, as if it had been created earlier. */
    public static void createdAndExpires(String key, Instant created, Instant expires) throws SQLException {
        try (Connection db = open();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE token SET created = ?, expires = ? WHERE token_key = ?")) {
            update.setObject(1, LocalDateTime.ofInstant(created, ZoneOffset.UTC));
            update.setObject(2, LocalDateTime.ofInstant(expires, ZoneOffset.UTC));
            update.setString(3, key);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No token " + key);
            }
        }
    }

    /**
     * The token service's part of the database as text: every row of every table of its schema (not the TAP demo
     * archive), each value as the driver reads it.
     */
    public static String dump() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection db = open()) {
            List<String> tables = new ArrayList<>();
            String schema = db.getMetaData().storesUpperCaseIdentifiers() ? "PUBLIC" : "public";
            try (ResultSet found = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (Statement statement = db.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        dump.append(table);
                        for (int column = 1; column <= columns; column++) {
                            dump.append('|').append(rows.getString(column));
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /**
     * How many other sessions are running a statement that contains this text: H2's sessions (which only its
     * administrator sees whole) or PostgreSQL's (whose query text only the same role sees: TAP queries run as the
     * archive reader, so it looks).
     */
    public static int runningStatements(String fragment) throws SQLException {
        try (Connection db = URL.startsWith("jdbc:postgresql:") ? openAsArchiveReader() : open()) {
            String sql = db.getMetaData().getDatabaseProductName().equals("H2")
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                            + " WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT LIKE ?"
                            // H2 shows a statement with its parameters: another test thread's look-up names the
                            // fragment too
                            + " AND EXECUTING_STATEMENT NOT LIKE '%INFORMATION_SCHEMA.SESSIONS%'"
                    : "SELECT COUNT(*) FROM pg_stat_activity"
                            + " WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE ?";
            try (PreparedStatement sessions = db.prepareStatement(sql)) {
                sessions.setString(1, "%" + fragment + "%");
                try (ResultSet count = sessions.executeQuery()) {
                    count.next();
                    return count.getInt(1);
                }
            }
        }
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
