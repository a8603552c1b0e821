package org.sciplat.tap.service.upload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sciplat.tap.service.adql.UploadedTable;

/** The tables one query uploaded, dropped when it is closed, after the query. */
public final class UploadedTables implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadedTables.class.getName());

    private final DataSource owner;
    private final List<UploadedTable> tables;

    UploadedTables(DataSource owner, List<UploadedTable> tables) {
        this.owner = owner;
        this.tables = List.copyOf(tables);
    }

    /** No uploads. */
    public static UploadedTables none() {
        return new UploadedTables(null, List.of());
    }

    public List<UploadedTable> tables() {
        return tables;
    }

    @Override
    public void close() {
        if (tables.isEmpty()) {
            return;
        }
        try (Connection connection = owner.getConnection();
             Statement statement = connection.createStatement()) {
            for (UploadedTable table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table.physicalName());
            }
        } catch (SQLException e) {
            // a table left behind stays private: its name is random, and no query can name it but its own
            LOG.warning(() -> "Uploaded tables could not be dropped: SQLState " + e.getSQLState());
        }
    }
}
