package org.sciplat.tap.service.catalogue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tables the TAP service publishes. Queries may name only these; TAP_SCHEMA's rows and VOSI /tables are
 * written from them, so the three can never disagree.
 */
@ApplicationScoped
public class Catalogue {

    /** The lock on rewriting TAP_SCHEMA: a row of tap_lock, beside TAP_SCHEMA. */
    private static final String REWRITE = "tap-schema";

    /** The TAP service's own tables' owner, who may write TAP_SCHEMA and grant reading the archive. */
    @Resource(lookup = "jdbc/jobs")
    DataSource dataSource;

    @Inject
    ArchiveReader reader;

    protected Catalogue() {
    }

    /** A catalogue over the given database; the server injects its data source into the no-argument form. */
    public Catalogue(DataSource dataSource, ArchiveReader reader) {
        this.dataSource = dataSource;
        this.reader = reader;
    }

    private final Map<String, TapSchema> schemas = new LinkedHashMap<>();
    private final Map<String, TapTable> tables = new LinkedHashMap<>();
    private volatile List<TapSchema> publishedSchemas = List.of();
    private volatile List<TapTable> publishedTables = List.of();
    private volatile boolean foldsToUpperCase = true;

    public List<TapSchema> schemas() {
        return publishedSchemas;
    }

    public List<TapTable> tables() {
        return publishedTables;
    }

    public List<TapTable> tables(TapSchema schema) {
        return publishedTables.stream().filter(t -> t.schema().equals(schema.name())).toList();
    }

    /** A published table by its qualified name (schema.table), as ADQL and /tables/{name} give it. */
    public Optional<TapTable> table(String qualifiedName) {
        String wanted = qualifiedName.toLowerCase(Locale.ROOT);
        return publishedTables.stream().filter(t -> t.qualifiedName().equals(wanted)).findFirst();
    }


    /**
     * Publishes a schema's tables (again, if they were): the archive user may read them, and TAP_SCHEMA is rewritten
     * to match.
     */
    public synchronized void publish(TapSchema schema, List<TapTable> schemaTables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            foldsToUpperCase = connection.getMetaData().storesUpperCaseIdentifiers();
            schemas.put(schema.name(), schema);
            schemaTables.forEach(t -> tables.put(t.qualifiedName(), t));
            writeTapSchema(connection, schema, List.copyOf(schemas.values()), List.copyOf(tables.values()));
        }
        publishedSchemas = List.copyOf(schemas.values());
        publishedTables = List.copyOf(tables.values());
    }

    /**
     * Lets the archive user read a schema's tables, present and future, without publishing them: the tables queries
     * upload, which only their own query can name.
     */
    public void allowReading(String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            underLock(connection, () -> reader.allowReading(connection, physical(schema)));
        }
    }

    /**
     * An identifier as the database stores it, quoted: the migrations create every table unquoted, which H2
     * folds to upper case and PostgreSQL to lower case. Quoting keeps names such as "size" from reading as words.
     */
    public String physical(String identifier) {
        String folded = foldsToUpperCase ? identifier.toUpperCase(Locale.ROOT) : identifier.toLowerCase(Locale.ROOT);
        return '"' + folded.replace("\"", "\"\"") + '"';
    }

    public String physical(TapTable table) {
        return physical(table.schema()) + "." + physical(table.name());
    }

    private void writeTapSchema(Connection connection, TapSchema published, List<TapSchema> allSchemas,
            List<TapTable> allTables) throws SQLException {
        // in a transaction of its own: on H2 a grant commits the transaction it is in, letting go of the lock
        underLock(connection, () -> reader.allowReading(connection, physical(published.name())));
        underLock(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                for (TapTable t : TapSchemaTables.ALL) {
                    statement.executeUpdate("DELETE FROM " + physical(t));
                }
            }
            insertSchemas(connection, allSchemas);
            insertTables(connection, allTables);
            insertColumns(connection, allTables);
            insertKeys(connection, allTables);
        });
    }

    /** Changes to the database that one instance makes at a time. */
    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs the work in one transaction that holds the TAP_SCHEMA lock: another instance rewriting TAP_SCHEMA at the
     * same moment would leave both instances' rows, and PostgreSQL refuses two instances' grants on one schema at
     * once ("tuple concurrently updated").
     */
    private static void underLock(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            lockUntilCommit(connection);
            work.run();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Waits until no other instance's transaction holds the lock, then holds it until this one's ends. */
    private static void lockUntilCommit(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE tap_lock SET name = name WHERE name = ?")) {
            lock.setString(1, REWRITE);
            if (lock.executeUpdate() != 1) {
                throw new SQLException("No lock named " + REWRITE + ": the TAP service's tables are not migrated");
            }
        }
    }

    private void insertSchemas(Connection connection, List<TapSchema> allSchemas) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + physical(TapSchemaTables.SCHEMAS)
                + " (schema_name, utype, description, schema_index) VALUES (?, NULL, ?, ?)")) {
            int index = 0;
            for (TapSchema s : allSchemas) {
                insert.setString(1, s.name());
                insert.setString(2, s.description());
                insert.setInt(3, index++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertTables(Connection connection, List<TapTable> allTables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + physical(TapSchemaTables.TABLES)
                + " (schema_name, table_name, table_type, utype, description, table_index)"
                + " VALUES (?, ?, 'table', NULL, ?, ?)")) {
            int index = 0;
            for (TapTable t : allTables) {
                insert.setString(1, t.schema());
                insert.setString(2, t.qualifiedName());
                insert.setString(3, t.description());
                insert.setInt(4, index++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertColumns(Connection connection, List<TapTable> allTables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + physical(TapSchemaTables.COLUMNS)
                + " (table_name, column_name, datatype, arraysize, xtype, size, description, utype, unit, ucd,"
                + " indexed, principal, std, column_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TapTable t : allTables) {
                int index = 0;
                for (TapColumn c : t.columns()) {
                    insert.setString(1, t.qualifiedName());
                    insert.setString(2, c.name());
                    insert.setString(3, c.datatype());
                    insert.setString(4, c.arraysize());
                    insert.setString(5, c.xtype());
                    if (c.size() == null) {
                        insert.setNull(6, Types.INTEGER);
                    } else {
                        insert.setInt(6, c.size());
                    }
                    insert.setString(7, c.description());
                    insert.setString(8, c.utype());
                    insert.setString(9, c.unit());
                    insert.setString(10, c.ucd());
                    insert.setInt(11, c.indexed() ? 1 : 0);
                    insert.setInt(12, c.principal() ? 1 : 0);
                    insert.setInt(13, c.std() ? 1 : 0);
                    insert.setInt(14, index++);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private void insertKeys(Connection connection, List<TapTable> allTables) throws SQLException {
        List<TapKey> keys = new ArrayList<>();
        allTables.forEach(t -> keys.addAll(t.keys()));
        try (PreparedStatement key = connection.prepareStatement("INSERT INTO " + physical(TapSchemaTables.KEYS)
                + " (key_id, from_table, target_table, utype, description) VALUES (?, ?, ?, NULL, ?)");
             PreparedStatement column = connection.prepareStatement("INSERT INTO "
                     + physical(TapSchemaTables.KEY_COLUMNS)
                     + " (key_id, from_column, target_column) VALUES (?, ?, ?)")) {
            for (TapKey k : keys) {
                key.setString(1, k.id());
                key.setString(2, k.fromTable());
                key.setString(3, k.targetTable());
                key.setString(4, k.description());
                key.addBatch();
                column.setString(1, k.id());
                column.setString(2, k.fromColumn());
                column.setString(3, k.targetColumn());
                column.addBatch();
            }
            key.executeBatch();
            column.executeBatch();
        }
    }
}
