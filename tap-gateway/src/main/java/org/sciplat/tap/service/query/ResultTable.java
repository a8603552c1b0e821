package org.sciplat.tap.service.query;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.sciplat.tap.service.adql.OutputColumn;
import org.sciplat.tap.service.catalogue.TapColumn;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A query's result as a STIL table, read once, as it is written. Published columns are described by their
 * TAP_SCHEMA metadata; computed ones by the database's type. At most maxrec rows are given out; whether more
 * were there is known once the rows have been read.
 */
final class ResultTable extends AbstractStarTable {

    private final ResultSet results;
    private final ColumnInfo[] columns;
    private final long maxrec;
    private long rows;
    private boolean overflow;
    private boolean read;

    ResultTable(ResultSet results, List<OutputColumn> outputs, long maxrec) throws SQLException {
        this(results, results.getMetaData(), outputs, maxrec);
    }

    /** A result of no rows, described by the query's metadata, for MAXREC=0: the query itself is never run. */
    static ResultTable describing(ResultSetMetaData metadata, List<OutputColumn> outputs) throws SQLException {
        return new ResultTable(null, metadata, outputs, 0);
    }

    private ResultTable(ResultSet results, ResultSetMetaData metadata, List<OutputColumn> outputs, long maxrec)
            throws SQLException {
        this.results = results;
        this.maxrec = maxrec;
        columns = new ColumnInfo[outputs.size()];
        for (int i = 0; i < columns.length; i++) {
            OutputColumn output = outputs.get(i);
            columns[i] = output.publishedColumn().map(c -> describe(output.name(), c))
                    .orElse(new ColumnInfo(output.name(), javaType(metadata.getColumnType(i + 1)), null));
        }
    }

    private static ColumnInfo describe(String name, TapColumn column) {
        ColumnInfo info = new ColumnInfo(name, javaType(column.datatype()), column.description());
        info.setUnitString(column.unit());
        info.setUCD(column.ucd());
        info.setXtype(column.xtype());
        if (column.size() != null) {
            info.setElementSize(column.size());
        }
        return info;
    }

    private static Class<?> javaType(String votableType) {
        return switch (votableType) {
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "long" -> Long.class;
            case "int" -> Integer.class;
            case "short" -> Short.class;
            case "boolean" -> Boolean.class;
            default -> String.class;
        };
    }

    private static Class<?> javaType(int sqlType) {
        return switch (sqlType) {
            case Types.DOUBLE, Types.FLOAT, Types.DECIMAL, Types.NUMERIC -> Double.class;
            case Types.REAL -> Float.class;
            case Types.BIGINT -> Long.class;
            case Types.INTEGER -> Integer.class;
            case Types.SMALLINT, Types.TINYINT -> Short.class;
            case Types.BOOLEAN, Types.BIT -> Boolean.class;
            default -> String.class;
        };
    }

    long rowsWritten() {
        return rows;
    }

    boolean overflowed() {
        return overflow;
    }

    @Override
    public ColumnInfo getColumnInfo(int index) {
        return columns[index];
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public long getRowCount() {
        return -1;
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        if (read) {
            throw new IOException("A query result can be read only once");
        }
        read = true;
        return new RowSequence() {
            private final Object[] row = new Object[columns.length];

            @Override
            public boolean next() throws IOException {
                try {
                    if (results == null) {
                        return false;
                    }
                    if (rows >= maxrec) {
                        overflow = results.next();
                        return false;
                    }
                    if (!results.next()) {
                        return false;
                    }
                    for (int i = 0; i < row.length; i++) {
                        row[i] = convert(results.getObject(i + 1), columns[i].getContentClass());
                    }
                    rows++;
                    return true;
                } catch (SQLException e) {
                    throw new IOException("The query failed while its rows were read: " + e.getMessage(), e);
                }
            }

            @Override
            public Object getCell(int index) {
                return row[index];
            }

            @Override
            public Object[] getRow() {
                return row;
            }

            @Override
            public void close() {
                // the ResultSet belongs to the QueryRunner, which closes it
            }
        };
    }

    private static Object convert(Object value, Class<?> type) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            if (type == Double.class) {
                return n.doubleValue();
            }
            if (type == Float.class) {
                return n.floatValue();
            }
            if (type == Long.class) {
                return n.longValue();
            }
            if (type == Integer.class) {
                return n.intValue();
            }
            if (type == Short.class) {
                return n.shortValue();
            }
        }
        if (type == Boolean.class && value instanceof Number n) {
            return n.intValue() != 0;
        }
        if (type == String.class && value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return type == String.class ? value.toString() : null;
    }
}
