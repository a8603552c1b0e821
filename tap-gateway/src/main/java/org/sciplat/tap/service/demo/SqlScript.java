package org.sciplat.tap.service.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A script of this package's resources, statements ending a line with a semicolon, as the demo tables' DDL. */
final class SqlScript {

    private SqlScript() {
    }

    static void run(Connection connection, String resource) throws SQLException {
        String script;
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String ddl : script.split(";\\s*\\n")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }
    }
}
