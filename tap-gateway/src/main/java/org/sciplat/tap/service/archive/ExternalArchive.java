package org.sciplat.tap.service.archive;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapTable;

/**
 * A real archive (sciplat.tap.archive=external): schemas already in the archive database, named by
 * sciplat.tap.archive.schemas, published as the database's catalog describes them (tables and views, their
 * columns, comments as descriptions, columns that lead an index marked indexed). Nothing is created or written.
 * Names must be unquoted ones, which the database folds to its own case, as everything the service queries.
 */
@Named("external")
@ApplicationScoped
public class ExternalArchive implements Archive {

    @Inject
    @ConfigProperty(name = "sciplat.tap.archive.schemas")
    Optional<String> schemaNames;

    /** The owner of the TAP service's tables, in the archive database. */
    @Resource(lookup = "jdbc/jobs")
    DataSource dataSource;

    protected ExternalArchive() {
    }

    /** The archive of these schemas (comma-separated) in this database; the server injects the no-argument form. */
    public ExternalArchive(String schemaNames, DataSource dataSource) {
        this.schemaNames = Optional.of(schemaNames);
        this.dataSource = dataSource;
    }

    @Override
    public void prepare(BooleanSupplier stopping) {
        // the tables hold what they hold: the archive is loaded by its own means
    }

    @Override
    public String progress() {
        return "Reading the archive's tables";
    }

    @Override
    public List<Published> schemas() throws SQLException {
        List<String> names = Arrays.stream(schemaNames.orElse("").split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new SQLException("sciplat.tap.archive.schemas names no schema to publish");
        }
        List<Published> published = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData catalog = connection.getMetaData();
            for (String name : names) {
                TapSchema schema = new TapSchema(name, "The " + name + " schema of the archive");
                List<TapTable> tables = tables(catalog, schema);
                if (tables.isEmpty()) {
                    throw new SQLException("The archive database has no table in a schema " + name);
                }
                published.add(new Published(schema, tables));
            }
        }
        return published;
    }

    private static List<TapTable> tables(DatabaseMetaData catalog, TapSchema schema) throws SQLException {
        String stored = stored(catalog, schema.name());
        List<TapTable> tables = new ArrayList<>();
        try (ResultSet rows = catalog.getTables(null, pattern(catalog, stored), "%",
                new String[] {"TABLE", "VIEW"})) {
            while (rows.next()) {
                if (rows.getString("TABLE_SCHEM").equals(stored)) {
                    String table = rows.getString("TABLE_NAME");
                    tables.add(new TapTable(schema.name(), table, rows.getString("REMARKS"),
                            columns(catalog, stored, table), List.of()));
                }
            }
        }
        return tables;
    }

    private static List<TapColumn> columns(DatabaseMetaData catalog, String schema, String table)
            throws SQLException {
        Set<String> indexed = leadingIndexColumns(catalog, schema, table);
        List<TapColumn> columns = new ArrayList<>();
        try (ResultSet rows = catalog.getColumns(null, pattern(catalog, schema), pattern(catalog, table), "%")) {
            while (rows.next()) {
                if (!rows.getString("TABLE_SCHEM").equals(schema) || !rows.getString("TABLE_NAME").equals(table)) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                TapColumn column = column(name, rows.getInt("DATA_TYPE"), rows.getInt("COLUMN_SIZE"))
                        .described(rows.getString("REMARKS"));
                if (indexed.contains(name)) {
                    column = column.asIndexed();
                }
                columns.add("NO".equals(rows.getString("IS_NULLABLE")) ? column.asNotNull() : column);
            }
        }
        return columns;
    }

    /** The VOTable type of a column of this SQL type: numbers and booleans as such, anything else as text. */
    private static TapColumn column(String name, int sqlType, int size) {
        return switch (sqlType) {
            case Types.DOUBLE, Types.FLOAT, Types.DECIMAL, Types.NUMERIC -> TapColumn.of(name, "double");
            case Types.REAL -> TapColumn.of(name, "float");
            case Types.BIGINT -> TapColumn.of(name, "long");
            case Types.INTEGER -> TapColumn.of(name, "int");
            case Types.SMALLINT, Types.TINYINT -> TapColumn.of(name, "short");
            case Types.BOOLEAN, Types.BIT -> TapColumn.of(name, "boolean");
            case Types.CHAR -> TapColumn.of(name, "char").withArraysize(String.valueOf(size));
            default -> TapColumn.of(name, "char").withArraysize("*");
        };
    }

    /** The columns an index of the table starts with: a condition on one of them can be answered from the index. */
    private static Set<String> leadingIndexColumns(DatabaseMetaData catalog, String schema, String table)
            throws SQLException {
        Set<String> leading = new HashSet<>();
        try (ResultSet rows = catalog.getIndexInfo(null, schema, table, false, true)) {
            while (rows.next()) {
                if (rows.getShort("ORDINAL_POSITION") == 1 && rows.getString("COLUMN_NAME") != null) {
                    leading.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return leading;
    }

    /** A name as the database stores an unquoted one. */
    private static String stored(DatabaseMetaData catalog, String name) throws SQLException {
        return catalog.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    /** The name as a catalog search pattern that matches it alone: "_" is a wildcard there. */
    private static String pattern(DatabaseMetaData catalog, String name) throws SQLException {
        String escape = catalog.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
