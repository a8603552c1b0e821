package org.sciplat.tap.service.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.tap.service.adql.AdqlTranslator;
import org.sciplat.tap.service.catalogue.ArchiveReader;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapSchemaTables;
import org.sciplat.tap.service.catalogue.TapTable;
import org.sciplat.tap.service.migration.TapDatabase;

/** An archive's schema that is there already, published as the database describes it, and queried with ADQL. */
class ExternalArchiveTest {

    private static JdbcDataSource database;

    @BeforeAll
    static void createTheArchive() throws SQLException {
        database = (JdbcDataSource) TapDatabase.migrated("external-archive");
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA sky_1");
            statement.execute("CREATE TABLE sky_1.objects (object_id BIGINT NOT NULL PRIMARY KEY,"
                    + " ra DOUBLE PRECISION NOT NULL, decl DOUBLE PRECISION NOT NULL, mag REAL, flags SMALLINT,"
                    + " band CHAR(1), name VARCHAR(32))");
            statement.execute("COMMENT ON TABLE sky_1.objects IS 'Objects detected by the survey'");
            statement.execute("COMMENT ON COLUMN sky_1.objects.mag IS 'Magnitude'");
            statement.execute("CREATE INDEX objects_decl ON sky_1.objects (decl)");
            statement.execute("INSERT INTO sky_1.objects VALUES (1, 10, 20, 15.5, 0, 'r', 'bright'),"
                    + " (2, 11, 21, 21.5, 1, 'g', 'faint')");
            // a schema that "sky_1" matches as a catalog search pattern, where "_" is a wildcard
            statement.execute("CREATE SCHEMA skyx1");
            statement.execute("CREATE TABLE skyx1.decoy (id INTEGER)");
        }
    }

    @Test
    void describesTheNamedSchemaAsTheDatabaseDoes() throws SQLException {
        List<Archive.Published> published = new ExternalArchive("sky_1", database).schemas();

        assertEquals(1, published.size());
        assertEquals("sky_1", published.get(0).schema().name());
        TapTable objects = published.get(0).tables().get(0);
        assertEquals(List.of(objects), published.get(0).tables());
        assertEquals("sky_1.objects", objects.qualifiedName());
        assertEquals("Objects detected by the survey", objects.description());
        assertEquals(List.of(
                TapColumn.of("object_id", "long").asIndexed().asNotNull(),
                TapColumn.of("ra", "double").asNotNull(),
                TapColumn.of("decl", "double").asIndexed().asNotNull(),
                TapColumn.of("mag", "float").described("Magnitude"),
                TapColumn.of("flags", "short"),
                TapColumn.of("band", "char").withArraysize("1"),
                TapColumn.of("name", "char").withArraysize("*")), objects.columns());
    }

    @Test
    void itsTablesAnswerAdqlAsTheArchiveUser() throws SQLException {
        Catalogue catalogue = new Catalogue(database, new ArchiveReader("archive", "archive-test"));
        catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
        for (Archive.Published schema : new ExternalArchive("sky_1", database).schemas()) {
            catalogue.publish(schema.schema(), schema.tables());
        }
        ExecutorService parsing = Executors.newSingleThreadExecutor();
        String sql;
        try {
            sql = new AdqlTranslator(catalogue, parsing).translate(
                    "SELECT name FROM sky_1.objects WHERE mag < 20", 10).sql();
        } finally {
            parsing.shutdownNow();
        }

        JdbcDataSource asArchiveUser = new JdbcDataSource();
        asArchiveUser.setURL(database.getURL().replaceFirst(";.*", ""));
        asArchiveUser.setUser("archive");
        asArchiveUser.setPassword("archive-test");
        List<String> names = new ArrayList<>();
        try (Connection connection = asArchiveUser.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        assertEquals(List.of("bright"), names);
        assertTrue(catalogue.table("skyx1.decoy").isEmpty(), "only the named schema is published");
    }

    @Test
    void aSchemaWithoutTablesIsNamedInTheFailure() {
        SQLException failure = assertThrows(SQLException.class,
                () -> new ExternalArchive("nowhere", database).schemas());

        assertTrue(failure.getMessage().contains("nowhere"), failure.getMessage());
    }
}
