package org.sciplat.tap.service.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database user that TAP queries run as (the {@code jdbc/archive} data source, server.xml's archive.db.*): it
 * may read the published schemas and nothing else, so the token tables stay out of reach of ADQL even if the
 * translator let a query through. On the embedded H2 this service creates the user; on PostgreSQL the operator
 * creates the role (README, "The database") and the service grants it what it may read as it publishes a schema.
 */
@ApplicationScoped
public class ArchiveReader {

    /** A name that needs no quoting in either database, so that it means the same user in both. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    @Inject
    @ConfigProperty(name = "archive.db.user", defaultValue = "archive")
    String user;

    @Inject
    @ConfigProperty(name = "archive.db.password", defaultValue = "archive")
    String password;

    /** Whether the user exists with its configured password: on H2, set once per start, not at each schema. */
    private volatile boolean userReady;

    protected ArchiveReader() {
    }

    /** The reader of the given credentials; the server injects its configuration into the no-argument form. */
    public ArchiveReader(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Lets the archive user read the schema's tables, those there now and those created later. Runs as the schema's
     * owner; the schema is its physical name, quoted.
     */
    void allowReading(Connection connection, String schema) throws SQLException {
        if (!PLAIN_NAME.matcher(user).matches()) {
            throw new SQLException("archive.db.user must be a plain name (letters, digits, _), not " + user);
        }
        try (Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
                if (!userReady) {
                    // the password goes into the statement as a literal (H2 takes no parameter there), never to a log
                    String literal = "'" + password.replace("'", "''") + "'";
                    statement.execute("CREATE USER IF NOT EXISTS " + user + " PASSWORD " + literal);
                    statement.execute("ALTER USER " + user + " SET PASSWORD " + literal);
                    userReady = true;
                }
                statement.execute("GRANT SELECT ON SCHEMA " + schema + " TO " + user);
            } else {
                statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + user);
                statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + user);
                statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT ON TABLES TO "
                        + user);
            }
        }
    }
}
