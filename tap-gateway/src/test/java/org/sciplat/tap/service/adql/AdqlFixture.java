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

/** A translator over a test database's tables (created by the test), and the rows its SQL gives there. */
final class AdqlFixture {

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private AdqlFixture() {
    }

    /** Publishes TAP_SCHEMA and the schema's tables, which must exist. */
    static AdqlTranslator translator(DataSource database, ExecutorService parsing, TapSchema schema,
            List<TapTable> tables) throws SQLException {
        Catalogue catalogue = new Catalogue(database, new ArchiveReader("archive", "archive-test"));
        catalogue.publish(TapSchemaTables.SCHEMA, TapSchemaTables.ALL);
        catalogue.publish(schema, tables);
        return new AdqlTranslator(catalogue, parsing);
    }

    static void read(DataSource database, String sql, RowReader reader) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                reader.read(result);
            }
        }
    }
}
