package org.sciplat.tap.service.catalogue;

import java.util.List;

/** TAP_SCHEMA's five tables as TAP 1.1 (section 4) defines them, so that TAP_SCHEMA describes itself too. */
public final class TapSchemaTables {

    public static final TapSchema SCHEMA = new TapSchema("tap_schema",
            "A TAP-standard-mandated schema to describe tablesets in a TAP 1.1 service");

    private static final String CHAR = "char";
    private static final String INT = "int";

    public static final TapTable SCHEMAS = new TapTable(SCHEMA.name(), "schemas",
            "The schemas published by this service", List.of(
                    std("schema_name", CHAR, "*", "Fully qualified schema name").asNotNull(),
                    std("utype", CHAR, "*", "UType of the schema"),
                    std("description", CHAR, "*", "Brief description of the schema"),
                    std("schema_index", INT, null, "Recommended sort order when listing schemas")),
            List.of());

    public static final TapTable TABLES = new TapTable(SCHEMA.name(), "tables",
            "The tables published by this service", List.of(
                    std("schema_name", CHAR, "*", "The schema name from TAP_SCHEMA.schemas").asNotNull(),
                    std("table_name", CHAR, "*", "Fully qualified table name").asNotNull(),
                    std("table_type", CHAR, "*", "One of: table, view").asNotNull(),
                    std("utype", CHAR, "*", "UType of the table"),
                    std("description", CHAR, "*", "Brief description of the table"),
                    std("table_index", INT, null, "Recommended sort order when listing tables")),
            List.of(new TapKey("tables_schema", "tap_schema.tables", "schema_name", "tap_schema.schemas",
                    "schema_name", "The schema of each table")));

    public static final TapTable COLUMNS = new TapTable(SCHEMA.name(), "columns",
            "The columns of the tables published by this service", List.of(
                    std("table_name", CHAR, "*", "Fully qualified table name").asNotNull(),
                    std("column_name", CHAR, "*", "Column name").asNotNull(),
                    std("datatype", CHAR, "*", "VOTable datatype of the column").asNotNull(),
                    std("arraysize", CHAR, "*", "VOTable arraysize of the column"),
                    std("xtype", CHAR, "*", "VOTable xtype of the column"),
                    std("\"size\"", INT, null, "Length of a fixed-length column (deprecated: use arraysize)"),
                    std("description", CHAR, "*", "Brief description of the column"),
                    std("utype", CHAR, "*", "UType of the column"),
                    std("unit", CHAR, "*", "Unit in VO standard format"),
                    std("ucd", CHAR, "*", "UCD of the column"),
                    std("indexed", INT, null, "1 if the column is indexed, 0 otherwise").asNotNull(),
                    std("principal", INT, null, "1 if the column is principal, 0 otherwise").asNotNull(),
                    std("std", INT, null, "1 if the column is defined by a standard, 0 otherwise").asNotNull(),
                    std("column_index", INT, null, "Recommended sort order when listing columns")),
            List.of(new TapKey("columns_table", "tap_schema.columns", "table_name", "tap_schema.tables",
                    "table_name", "The table of each column")));

    public static final TapTable KEYS = new TapTable(SCHEMA.name(), "keys",
            "The foreign keys between the tables published by this service", List.of(
                    std("key_id", CHAR, "*", "Unique key identifier").asNotNull(),
                    std("from_table", CHAR, "*", "Fully qualified table name").asNotNull(),
                    std("target_table", CHAR, "*", "Fully qualified table name").asNotNull(),
                    std("utype", CHAR, "*", "UType of the key"),
                    std("description", CHAR, "*", "Brief description of the key")),
            List.of(new TapKey("keys_from", "tap_schema.keys", "from_table", "tap_schema.tables", "table_name",
                            "The table a key leads from"),
                    new TapKey("keys_target", "tap_schema.keys", "target_table", "tap_schema.tables", "table_name",
                            "The table a key leads to")));

    public static final TapTable KEY_COLUMNS = new TapTable(SCHEMA.name(), "key_columns",
            "The columns of the foreign keys between the tables published by this service", List.of(
                    std("key_id", CHAR, "*", "Key identifier from TAP_SCHEMA.keys").asNotNull(),
                    std("from_column", CHAR, "*", "Key column name in the from_table").asNotNull(),
                    std("target_column", CHAR, "*", "Key column name in the target_table").asNotNull()),
            List.of(new TapKey("key_columns_key", "tap_schema.key_columns", "key_id", "tap_schema.keys", "key_id",
                    "The key of each key column")));

    public static final List<TapTable> ALL = List.of(SCHEMAS, TABLES, COLUMNS, KEYS, KEY_COLUMNS);

    private TapSchemaTables() {
    }

    private static TapColumn std(String name, String datatype, String arraysize, String description) {
        return TapColumn.of(name, datatype).withArraysize(arraysize).described(description).asPrincipal().asStandard();
    }
}
