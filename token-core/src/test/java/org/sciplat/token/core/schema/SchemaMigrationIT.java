package org.sciplat.token.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sciplat.token.core.DatabaseUnavailableException;

/** In a real Open Liberty, the migrations run at start-up and leave every table token-core relies on. */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "schema-migration-it.war")
                .addPackage(SchemaMigration.class.getPackage())
                .addClass(DatabaseUnavailableException.class)
                .addClass(org.sciplat.token.core.TokenServiceException.class)
                .addClass(org.sciplat.token.core.RequestField.class)
                .addAsResource("db/migration/flyway.location")
                .addAsResource("db/migration/V1__token_schema.sql")
                .addAsResource("db/callback/flyway.location")
                .addAsLibraries(new File("target/deployment-libs").listFiles());
    }

    @EJB
    SchemaMigration migration;

    @Resource(lookup = "jdbc/tokens")
    DataSource dataSource;

    @Test
    void migrationsRanAtStartUp() {
        assertTrue(migration.isComplete(), () -> migration.failure().orElse(""));
        assertEquals(Optional.empty(), migration.failure());
        assertEquals(Optional.of("1"), migration.appliedVersion());
    }

    @Test
    void schemaHasTheTokenTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase());
            }
        }
        assertTrue(tables.containsAll(Set.of("directory_user", "directory_user_group", "token",
                "token_change_history", "flyway_schema_history")), tables.toString());
    }
}
