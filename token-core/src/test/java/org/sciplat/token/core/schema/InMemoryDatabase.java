package org.sciplat.token.core.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh H2 database in memory with every migration applied, as the server's start-up applies them: the one
 * helper the unit tests of every module take a real database from.
 */
public final class InMemoryDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    /** Core's migrations as first released: V2 and V4 created the TAP service's tables, V3 its leases. */
    private static final String FIRST_RELEASED = "classpath:db/first-released";

    private InMemoryDatabase(String name) {
        // kept while the JVM runs, not closed with its last connection, so a test class may share it
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** A database of this name, migrated; each name is a database of its own. */
    public static InMemoryDatabase migrated(String name) {
        InMemoryDatabase database = empty(name);
        database.migrate();
        return database;
    }

    /** A database of this name without a table, for migrations to start from. */
    public static InMemoryDatabase empty(String name) {
        return new InMemoryDatabase(name);
    }

    /** A database as core's migrations as first released left it, before the TAP service had migrations of its own. */
    public static InMemoryDatabase firstReleased(String name) {
        InMemoryDatabase database = new InMemoryDatabase(name);
        Flyway.configure().dataSource(database.dataSource).locations(FIRST_RELEASED).load().migrate();
        return database;
    }

    /** Applies core's migrations as a server's start does. */
    public void migrate() {
        SchemaMigration.apply(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * token-core's persistence unit over this database, outside a container: EclipseLink (as in Open Liberty)
     * with resource-local transactions, which the test begins and commits itself.
     */
    public EntityManagerFactory persistenceUnit() {
        return Persistence.createEntityManagerFactory("tokens", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                // no agent outside the container: without this EclipseLink warns of every entity it cannot weave
                "eclipselink.weaving", "false"));
    }
}
