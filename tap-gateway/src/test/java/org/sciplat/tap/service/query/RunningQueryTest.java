package org.sciplat.tap.service.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunningQueryTest {

    /** Runs for hours unless stopped. */
    private static final String ENDLESS = "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000000) WHERE MOD(X, 7) = 3";

    private JdbcDataSource database;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:running-query;DB_CLOSE_DELAY=-1");
        connection = database.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aCancelStopsTheRunningQuery() throws Exception {
        Statement statement = connection.createStatement();
        RunningQuery query = RunningQuery.of(connection, statement, database);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> execute(statement, ENDLESS));

        cancelUntilDone(query, run);

        ExecutionException stopped = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        assertEquals("57014", ((SQLException) stopped.getCause().getCause()).getSQLState(), "cancelled, not failed");
    }

    @Test
    void aCancelBeforeTheStatementRunsIsRepeatedUntilItLands() throws Exception {
        Statement statement = connection.createStatement();
        RunningQuery query = RunningQuery.of(connection, statement, database);
        query.cancel();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> execute(statement, ENDLESS));

        cancelUntilDone(query, run);

        assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
    }

    @Test
    void noCancelReachesTheConnectionOnceTheQueryHasEnded() throws Exception {
        Statement statement = connection.createStatement();
        RunningQuery query = RunningQuery.of(connection, statement, database);
        query.end();
        CompletableFuture<Void> next = CompletableFuture.runAsync(
                () -> execute(statement, "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 3000000) WHERE MOD(X, 7) = 3"));

        for (int i = 0; i < 20 && !next.isDone(); i++) {
            query.cancel();
            TimeUnit.MILLISECONDS.sleep(10);
        }

        next.get(30, TimeUnit.SECONDS);
    }

    /** As the job watcher does: again every 100 ms while the query runs, for 10 s at most. */
    private static void cancelUntilDone(RunningQuery query, CompletableFuture<Void> run) throws InterruptedException {
        for (int i = 0; i < 100 && !run.isDone(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
            query.cancel();
        }
    }

    private static void execute(Statement statement, String sql) {
        try {
            statement.executeQuery(sql).close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
