package org.sciplat.token.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * token-core's migrations build the token database only: the TAP service's tables (TAP_SCHEMA, the archive, UWS
 * jobs) and leases are the TAP service's, with their own migration history, so that they change without a core
 * release.
 */
class CoreMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern OF_TAP = Pattern.compile("\\b(tap|wise|uws)");

    @Test
    void nameNothingOfTheTapService() throws IOException {
        List<Path> migrations;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            migrations = files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        assertFalse(migrations.isEmpty(), "no migration found in " + MIGRATIONS.toAbsolutePath());
        assertEquals(List.of(), migrations.stream().filter(CoreMigrationsTest::mentionsTap)
                .map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void createOnlyTheTokenTablesAndRows() throws SQLException {
        try (Connection connection = InMemoryDatabase.migrated("core-migrations").dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertEquals(Set.of("INFORMATION_SCHEMA", "PUBLIC"), column(statement,
                    "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"));
            assertEquals(Set.of("API_QUOTA_USAGE", "CLUSTER_LEASE", "DIRECTORY_USER", "DIRECTORY_USER_GROUP",
                    "QUOTA_OVERRIDE", "QUOTA_OVERRIDE_HISTORY", "TOKEN", "TOKEN_CHANGE_HISTORY", "TOKEN_USE", "WEB_SESSION",
                    "flyway_schema_history"), column(statement,
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
            assertEquals(Set.of("token-expiry", "user-seed"), column(statement, "SELECT name FROM cluster_lease"));
        }
    }

    private static Set<String> column(Statement statement, String query) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static boolean mentionsTap(Path migration) {
        try {
            return OF_TAP.matcher(Files.readString(migration).toLowerCase(Locale.ROOT)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
