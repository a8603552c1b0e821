package org.sciplat.tap.service.uws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sciplat.tap.service.upload.StoredUpload;

/**
 * The jobs, the tables they upload and their results in the database (tables uws_job, uws_job_parameter,
 * uws_job_upload and uws_result_chunk), shared by every server on it. Each change of phase is one conditional UPDATE
 * that says which phase it leaves, so that two servers acting on one job at once cannot both win: the loser learns
 * it from the count of rows changed.
 */
final class JobStore {

    /**
     * The most a result chunk holds, and so about the most memory writing or reading a result takes. H2 keeps a
     * binary value inside its page: with chunks of a mebibyte, deleting a large result ran a 100 MB heap out of
     * memory, with 256 KiB it did not, whatever the result's size.
     */
    static final int CHUNK_BYTES = 1 << 18;
    private static final int CHUNKS_PER_DELETE = 8;
    static final int PARAMETER_NAME_MAXLENGTH = 64;
    static final int PARAMETER_VALUE_MAXLENGTH = 1_000_000;
    static final int ERROR_MAXLENGTH = 4000;

    private static final String COLUMNS = "job_id, username, phase, created, started, ended, execution_duration,"
            + " destruction, error_message, result_type, result_rows, result_overflow, result_bytes, result_chunks";
    private static final String ACTIVE = "('QUEUED', 'EXECUTING')";

    private final DataSource database;

    JobStore(DataSource database) {
        this.database = database;
    }

    Job create(String id, String owner, Instant created, Map<String, String> parameters, List<StoredUpload> uploads,
            Duration executionDuration, Instant destruction) {
        inTransaction("create a job", connection -> {
            execute(connection, "INSERT INTO uws_job (job_id, username, phase, created, execution_duration,"
                    + " destruction) VALUES (?, ?, ?, ?, ?, ?)", id, owner, Phase.PENDING.name(), utc(created),
                    executionDuration.toSeconds(), utc(destruction));
            insertParameters(connection, id, parameters);
            insertUploads(connection, id, uploads);
        });
        return find(id).orElseThrow();
    }

    Optional<Job> find(String id) {
        List<Job> found = select("SELECT " + COLUMNS + " FROM uws_job WHERE job_id = ?",
                "SELECT job_id, param_name, param_value FROM uws_job_parameter WHERE job_id = ?"
                        + " ORDER BY param_order", id);
        return found.stream().findFirst();
    }

    /** The owner's jobs, oldest first. */
    List<Job> of(String owner) {
        return select("SELECT " + COLUMNS + " FROM uws_job WHERE username = ? ORDER BY created, job_id",
                "SELECT p.job_id, p.param_name, p.param_value FROM uws_job_parameter p JOIN uws_job j"
                        + " ON j.job_id = p.job_id WHERE j.username = ? ORDER BY p.param_order", owner);
    }

    /** How many jobs the owner keeps. */
    long count(String owner) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM uws_job WHERE username = ?")) {
            select.setString(1, owner);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw unavailable("count a user's jobs", e);
        }
    }

    /** The job's phase now; empty once it is deleted. */
    Optional<Phase> phase(String id) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT phase FROM uws_job WHERE job_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Phase.valueOf(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read a job's phase", e);
        }
    }

    /**
     * New or changed parameters of a PENDING job, if check accepts them all together; JobStateException once it has
     * left PENDING.
     */
    void changeParameters(String id, Map<String, String> changes, Consumer<Map<String, String>> check) {
        inTransaction("change a job's parameters", connection -> {
            // changing nothing but locking the row, so that a RUN elsewhere waits for the new parameters
            if (execute(connection, "UPDATE uws_job SET phase = phase WHERE job_id = ? AND phase = 'PENDING'",
                    id) == 0) {
                throw notPending(id, "its parameters");
            }
            Map<String, String> merged = new LinkedHashMap<>(parameters(connection, id));
            merged.putAll(changes);
            check.accept(merged);
            execute(connection, "DELETE FROM uws_job_parameter WHERE job_id = ?", id);
            insertParameters(connection, id, merged);
        });
    }

    /** A PENDING job's execution duration; JobStateException once it has left PENDING. */
    void executionDuration(String id, Duration duration) {
        if (write("UPDATE uws_job SET execution_duration = ? WHERE job_id = ? AND phase = 'PENDING'",
                duration.toSeconds(), id) == 0) {
            throw notPending(id, "its execution duration");
        }
    }

    void destruction(String id, Instant at) {
        write("UPDATE uws_job SET destruction = ? WHERE job_id = ?", utc(at), id);
    }

    /** PENDING to QUEUED on the given server, which is to run it; false if the job was not PENDING. */
    boolean queue(String id, String executor, Instant at) {
        return write("UPDATE uws_job SET phase = 'QUEUED', executor = ?, heartbeat = ? WHERE job_id = ?"
                + " AND phase = 'PENDING'", executor, utc(at), id) == 1;
    }

    /** QUEUED to EXECUTING; false if the job was aborted or deleted before it could start. */
    boolean begin(String id, String executor, Instant at) {
        return write("UPDATE uws_job SET phase = 'EXECUTING', started = ?, heartbeat = ? WHERE job_id = ?"
                + " AND phase = 'QUEUED' AND executor = ?", utc(at), utc(at), id, executor) == 1;
    }

    /** Where the result of an executing job goes, chunk by chunk; the job names it only once complete. */
    ResultOutput resultOutput(String id, String mimeType) {
        return new ResultOutput(id, mimeType);
    }

    /** EXECUTING to COMPLETED with its result; false if the job was aborted or deleted meanwhile. */
    boolean complete(String id, String executor, StoredResult result, Instant at) {
        return write("UPDATE uws_job SET phase = 'COMPLETED', ended = ?, result_type = ?, result_rows = ?,"
                + " result_overflow = ?, result_bytes = ?, result_chunks = ? WHERE job_id = ?"
                + " AND phase = 'EXECUTING' AND executor = ?", utc(at), result.mimeType(), result.rows(),
                result.overflow(), result.bytes(), result.chunks(), id, executor) == 1;
    }

    /** A job this server runs turned to ERROR; false if it had already ended. */
    boolean fail(String id, String executor, String message, Instant at) {
        return write("UPDATE uws_job SET phase = 'ERROR', ended = ?, error_message = ? WHERE job_id = ?"
                + " AND phase IN " + ACTIVE + " AND executor = ?", utc(at), shortened(message), id, executor) == 1;
    }

    /** Every job this server runs turned to ERROR, as when it stops; how many there were. */
    int failAll(String executor, String message, Instant at) {
        return write("UPDATE uws_job SET phase = 'ERROR', ended = ?, error_message = ? WHERE executor = ?"
                + " AND phase IN " + ACTIVE, utc(at), shortened(message), executor);
    }

    /** Stops the job wherever it is; false if it had already ended (a finished job stays as it is). */
    boolean abort(String id, Instant at) {
        return write("UPDATE uws_job SET phase = 'ABORTED', ended = ? WHERE job_id = ?"
                + " AND phase IN ('PENDING', 'QUEUED', 'EXECUTING')", utc(at), id) == 1;
    }

    /** The tables the job uploaded, as they were sent; none once it has run. */
    List<StoredUpload> uploads(String id) {
        Map<String, ByteArrayOutputStream> tables = new LinkedHashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT table_name, chunk_data FROM"
                        + " uws_job_upload WHERE job_id = ? ORDER BY table_name, chunk_no")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1), name -> new ByteArrayOutputStream())
                            .writeBytes(rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw unavailable("read a job's uploaded tables", e);
        }
        return tables.entrySet().stream().map(t -> new StoredUpload(t.getKey(), t.getValue().toByteArray()))
                .toList();
    }

    /** Forgets the tables a job uploaded, once its query has run. */
    void deleteUploads(String id) {
        write("DELETE FROM uws_job_upload WHERE job_id = ?", id);
    }

    /** Deletes the job with its parameters and result; false if it was gone already. */
    boolean delete(String id) {
        deleteResult(id);
        return write("DELETE FROM uws_job WHERE job_id = ?", id) == 1;
    }

    /**
     * Deletes a job's result, a few chunks per statement: a database keeps what a statement deletes until it
     * commits (H2 in memory), so deleting a result of hundreds of megabytes at once could take as much.
     */
    void deleteResult(String id) {
        int last;
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MAX(chunk_no) FROM uws_result_chunk WHERE job_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                last = row.getInt(1);
                if (row.wasNull()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw unavailable("delete a job's result", e);
        }
        for (int below = CHUNKS_PER_DELETE; below - CHUNKS_PER_DELETE <= last; below += CHUNKS_PER_DELETE) {
            write("DELETE FROM uws_result_chunk WHERE job_id = ? AND chunk_no < ?", id, below);
        }
    }

    /** Writes the stored result to out, a chunk at a time; IOException if it was deleted meanwhile. */
    void copyResult(String id, StoredResult result, OutputStream out) throws IOException {
        for (int chunk = 0; chunk < result.chunks(); chunk++) {
            out.write(chunk(id, chunk).orElseThrow(() -> new IOException("Job " + id + "'s result was deleted"
                    + " while it was being read")));
        }
    }

    /** Of the jobs this server runs, those still QUEUED or EXECUTING in the database: not aborted, not deleted. */
    Set<String> active(String executor) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT job_id FROM uws_job WHERE executor = ? AND phase IN " + ACTIVE)) {
            select.setString(1, executor);
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw unavailable("read the running jobs", e);
        }
    }

    /** Says that this server still runs its QUEUED and EXECUTING jobs. */
    void heartbeat(String executor, Instant at) {
        write("UPDATE uws_job SET heartbeat = ? WHERE executor = ? AND phase IN " + ACTIVE, utc(at), executor);
    }

    /** Turns to ERROR the running jobs whose server has not said it runs them since the given time. */
    int failStale(Instant silentSince, String message, Instant at) {
        return write("UPDATE uws_job SET phase = 'ERROR', ended = ?, error_message = ? WHERE phase IN " + ACTIVE
                + " AND heartbeat < ?", utc(at), shortened(message), utc(silentSince));
    }

    /** Deletes the jobs, with their results, whose destruction time has passed; another server may do the same. */
    int destroyExpired(Instant now) {
        List<String> expired = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT job_id FROM uws_job WHERE destruction < ?")) {
            select.setObject(1, utc(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw unavailable("find the expired jobs", e);
        }
        int destroyed = 0;
        for (String id : expired) {
            destroyed += delete(id) ? 1 : 0;
        }
        return destroyed;
    }

    private List<Job> select(String jobsSql, String parametersSql, String key) {
        try (Connection connection = database.getConnection()) {
            Map<String, Map<String, String>> parameters = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(parametersSql)) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        parameters.computeIfAbsent(rows.getString(1), job -> new LinkedHashMap<>())
                                .put(rows.getString(2), rows.getString(3));
                    }
                }
            }
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(jobsSql)) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(job(rows, parameters.getOrDefault(rows.getString("job_id"), Map.of())));
                    }
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw unavailable("read jobs", e);
        }
    }

    private static Job job(ResultSet row, Map<String, String> parameters) throws SQLException {
        String type = row.getString("result_type");
        StoredResult result = type == null ? null : new StoredResult(type, row.getLong("result_rows"),
                row.getBoolean("result_overflow"), row.getLong("result_bytes"), row.getInt("result_chunks"));
        return new Job(row.getString("job_id"), row.getString("username"), Phase.valueOf(row.getString("phase")),
                instant(row, "created"), instant(row, "started"), instant(row, "ended"),
                Duration.ofSeconds(row.getLong("execution_duration")), instant(row, "destruction"), parameters,
                row.getString("error_message"), result);
    }

    private static Map<String, String> parameters(Connection connection, String id) throws SQLException {
        Map<String, String> parameters = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT param_name, param_value"
                + " FROM uws_job_parameter WHERE job_id = ? ORDER BY param_order")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parameters.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return parameters;
    }

    private static void insertParameters(Connection connection, String id, Map<String, String> parameters)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO uws_job_parameter (job_id,"
                + " param_name, param_order, param_value) VALUES (?, ?, ?, ?)")) {
            int order = 0;
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                insert.setString(1, id);
                insert.setString(2, parameter.getKey());
                insert.setInt(3, order++);
                insert.setString(4, parameter.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertUploads(Connection connection, String id, List<StoredUpload> uploads)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO uws_job_upload (job_id,"
                + " table_name, chunk_no, chunk_data) VALUES (?, ?, ?, ?)")) {
            for (StoredUpload upload : uploads) {
                byte[] votable = upload.votable();
                for (int from = 0, chunk = 0; from < votable.length; from += CHUNK_BYTES, chunk++) {
                    insert.setString(1, id);
                    insert.setString(2, upload.name());
                    insert.setInt(3, chunk);
                    insert.setBytes(4, Arrays.copyOfRange(votable, from, Math.min(votable.length,
                            from + CHUNK_BYTES)));
                    insert.executeUpdate();
                }
            }
        }
    }

    private Optional<byte[]> chunk(String id, int number) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT chunk_data FROM uws_result_chunk WHERE job_id = ? AND chunk_no = ?")) {
            select.setString(1, id);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read a job's result", e);
        }
    }

    /** Statements on one connection that commit together, or not at all when one of them throws. */
    private void inTransaction(String what, Transaction work) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /** The statements of {@link #inTransaction}. */
    @FunctionalInterface
    private interface Transaction {
        void run(Connection connection) throws SQLException;
    }

    private int write(String sql, Object... values) {
        try (Connection connection = database.getConnection()) {
            return execute(connection, sql, values);
        } catch (SQLException e) {
            throw unavailable("change a job", e);
        }
    }

    private static int execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static JobStateException notPending(String id, String what) {
        return new JobStateException("Job " + id + " is no longer PENDING: " + what + " can only change while it"
                + " is");
    }

    private static String shortened(String message) {
        return message.length() <= ERROR_MAXLENGTH ? message : message.substring(0, ERROR_MAXLENGTH - 1) + "…";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime time = row.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static JobStoreUnavailableException unavailable(String what, SQLException e) {
        return new JobStoreUnavailableException("Could not " + what + " in the database", e);
    }

    /**
     * A result on its way into the database: bytes gather in one chunk's buffer, and each full buffer becomes a
     * row. Each row is written on a connection of its own, so a query holding its connection open for minutes does
     * not hold a transaction of hundreds of megabytes with it.
     */
    final class ResultOutput extends OutputStream {

        private final String id;
        private final String mimeType;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int chunks;
        private long bytes;
        private boolean closed;

        private ResultOutput(String id, String mimeType) {
            this.id = id;
            this.mimeType = mimeType;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                store();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            int written = 0;
            while (written < length) {
                if (filled == buffer.length) {
                    store();
                }
                int part = Math.min(length - written, buffer.length - filled);
                System.arraycopy(data, offset + written, buffer, filled, part);
                filled += part;
                written += part;
            }
        }

        /** Stores what is left; after that, the result is whole. */
        @Override
        public void close() throws IOException {
            if (!closed && filled > 0) {
                store();
            }
            closed = true;
        }

        /** The result as stored once closed, for the job to name. */
        StoredResult stored(long rows, boolean overflow) {
            return new StoredResult(mimeType, rows, overflow, bytes, chunks);
        }

        private void store() throws IOException {
            if (closed) {
                throw new IOException("The result of job " + id + " is already stored");
            }
            try (Connection connection = database.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO uws_result_chunk"
                            + " (job_id, chunk_no, chunk_data) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                insert.setInt(2, chunks);
                insert.setBytes(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
            } catch (SQLException e) {
                // a job deleted meanwhile fails the foreign key: the query is stopped, as it should be
                throw new IOException("Could not store the result of job " + id + ": " + e.getMessage(), e);
            }
            chunks++;
            bytes += filled;
            filled = 0;
        }
    }
}
