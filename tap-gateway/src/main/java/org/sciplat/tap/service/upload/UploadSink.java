package org.sciplat.tap.service.upload;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sciplat.tap.service.adql.UploadedTable;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;

/**
 * Where STIL hands an uploaded VOTable as it reads it: its FIELDs become the columns of a new table (scalar numbers,
 * booleans and text; names as ADQL identifiers), its rows are inserted in batches, and the limits hold as it goes.
 */
final class UploadSink implements TableSink {

    private static final int BATCH = 1_000;

    /** A column's VOTable datatype, SQL type and JDBC type, by the Java class STIL reads it as. */
    private record Type(String datatype, String arraysize, String sql, int jdbc) {
    }

    private final Connection connection;
    private final Catalogue catalogue;
    private final String name;
    private final String physical;
    private final UploadLimits limits;
    private final List<Type> types = new ArrayList<>();
    private TapTable table;
    private PreparedStatement insert;
    private long rows;
    private int batched;
    private boolean created;

    UploadSink(Connection connection, Catalogue catalogue, String name, String physical, UploadLimits limits) {
        this.connection = connection;
        this.catalogue = catalogue;
        this.name = name;
        this.physical = physical;
        this.limits = limits;
    }

    @Override
    public void acceptMetadata(StarTable meta) throws TableFormatException {
        int count = meta.getColumnCount();
        if (count == 0 || count > limits.maxColumns()) {
            throw new UploadRefusedException("UPLOAD " + name + " has " + count + " columns; a table may have 1 to "
                    + limits.maxColumns());
        }
        List<TapColumn> columns = new ArrayList<>();
        List<String> ddl = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ColumnInfo info = meta.getColumnInfo(i);
            String column = info.getName() == null ? "" : info.getName().strip();
            if (!UploadParameter.NAME.matcher(column).matches()) {
                throw new UploadRefusedException("UPLOAD " + name + ": column name '" + abbreviate(column) + "' is"
                        + " not an ADQL identifier (a letter, then letters, digits or _; at most 64)");
            }
            if (!names.add(column.toLowerCase(Locale.ROOT))) {
                throw new UploadRefusedException("UPLOAD " + name + " has two columns named " + column);
            }
            Type type = type(info, column);
            types.add(type);
            columns.add(TapColumn.of(column, type.datatype()).withArraysize(type.arraysize())
                    .withXtype(text(info.getXtype())).withUnit(text(info.getUnitString())).withUcd(text(info.getUCD()))
                    .described(text(info.getDescription())));
            ddl.add(catalogue.physical(column) + " " + type.sql());
        }
        table = new TapTable(UploadedTable.SCHEMA, name, "Uploaded by the query", columns, List.of());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + physical + " (" + String.join(", ", ddl) + ")");
            created = true;
            insert = connection.prepareStatement("INSERT INTO " + physical + " VALUES (?"
                    + ", ?".repeat(count - 1) + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void acceptRow(Object[] row) throws IOException {
        if (++rows > limits.maxRows()) {
            throw new UploadRefusedException("UPLOAD " + name + " has more than " + limits.maxRows() + " rows, the"
                    + " most a table may have");
        }
        try {
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                if (value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
                    value = null;
                }
                if (value instanceof Character c) {
                    value = c.toString();
                }
                if (value == null) {
                    insert.setNull(i + 1, types.get(i).jdbc());
                } else {
                    insert.setObject(i + 1, value, types.get(i).jdbc());
                }
            }
            insert.addBatch();
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        } catch (SQLException e) {
            throw new IOException("UPLOAD " + name + ": row " + rows + " could not be stored", e);
        }
    }

    @Override
    public void endRows() throws IOException {
        try {
            if (batched > 0) {
                insert.executeBatch();
            }
            insert.close();
        } catch (SQLException e) {
            throw new IOException("UPLOAD " + name + ": the rows could not be stored", e);
        }
    }

    TapTable table() {
        return table;
    }

    /** After a failure: the half-loaded table goes at once. */
    void dropIfCreated() {
        if (!created) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + physical);
        } catch (SQLException e) {
            // left behind under its random name, which no query can name
        }
    }

    private Type type(ColumnInfo info, String column) {
        Class<?> c = info.getContentClass();
        if (c == Double.class) {
            return new Type("double", null, "DOUBLE PRECISION", Types.DOUBLE);
        }
        if (c == Float.class) {
            return new Type("float", null, "REAL", Types.REAL);
        }
        if (c == Long.class) {
            return new Type("long", null, "BIGINT", Types.BIGINT);
        }
        if (c == Integer.class) {
            return new Type("int", null, "INTEGER", Types.INTEGER);
        }
        if (c == Short.class || c == Byte.class) {
            return new Type("short", null, "SMALLINT", Types.SMALLINT);
        }
        if (c == Boolean.class) {
            return new Type("boolean", null, "BOOLEAN", Types.BOOLEAN);
        }
        if (c == Character.class) {
            return new Type("char", "1", "VARCHAR(1)", Types.VARCHAR);
        }
        if (c == String.class) {
            return new Type("char", "*", "VARCHAR", Types.VARCHAR);
        }
        throw new UploadRefusedException("UPLOAD " + name + ": column " + column + " holds arrays or another type"
                + " this service does not take; uploaded columns are numbers, booleans or text");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
