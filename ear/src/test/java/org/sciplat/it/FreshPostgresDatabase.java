package org.sciplat.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run by the build before the PostgreSQL test servers start: drops the test database, with any connection a
 * previous, interrupted run left open, and creates it empty, so every run starts from the migrations.
 * Arguments: the JDBC URL of a database to connect to meanwhile (postgres), the database, the role, its password.
 */
public final class FreshPostgresDatabase {

    private FreshPostgresDatabase() {
    }

    public static void main(String[] arguments) throws SQLException {
        String database = arguments[1];
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        PGSimpleDataSource maintenance = new PGSimpleDataSource();
        maintenance.setURL(arguments[0]);
        maintenance.setUser(arguments[2]);
        maintenance.setPassword(arguments[3]);
        try (Connection connection = maintenance.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new SQLException("Cannot re-create the test database " + database + " at " + arguments[0]
                    + " as " + arguments[2] + ": is PostgreSQL running, with that role allowed to create databases? "
                    + "(.ci/run sets it up; or build with -Dit.postgresql.skip)", e);
        }
    }
}
