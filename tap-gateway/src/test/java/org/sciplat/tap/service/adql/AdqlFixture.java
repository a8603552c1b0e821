package org.sciplat.tap.service.adql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.sciplat.tap.service.catalogue.ArchiveReader;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapSchemaTables;
import org.sciplat.tap.service.catalogue.TapTable;
import org.sciplat.tap.service.demo.AllWiseMep;
import org.sciplat.tap.service.demo.SyntheticSample;

/** A translator over a test database's tables (created by the test), and the rows its SQL gives there. */
public final class AdqlFixture {

    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private AdqlFixture() {
    }

    /** The demo table with this sample and TAP_SCHEMA, published in the database. */
    public static Catalogue demo(DataSource database, SyntheticSample sample) throws SQLException {
        Catalogue catalogue = new Catalogue(database, new ArchiveReader("archive", "archive-test"));
        catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
        try (Connection connection = database.getConnection()) {
            AllWiseMep.createIn(connection);
            sample.writeTo(connection, catalogue.physical(AllWiseMep.TABLE), n -> { });
        }
        catalogue.publish(AllWiseMep.SCHEMA, List.of(AllWiseMep.TABLE));
        return catalogue;
    }

    /** Publishes TAP_SCHEMA and the schema's tables, which must exist. */
    static AdqlTranslator translator(DataSource database, ExecutorService parsing, TapSchema schema,
            List<TapTable> tables) throws SQLException {
        Catalogue catalogue = new Catalogue(database, new ArchiveReader("archive", "archive-test"));
        catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
        catalogue.publish(schema, tables);
        return new AdqlTranslator(catalogue, parsing);
    }

    public static void read(DataSource database, String sql, RowReader reader) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                reader.read(result);
            }
        }
    }
}
