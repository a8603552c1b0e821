package org.sciplat.tap.service.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A query's statement while it runs, for another thread to stop. Stopping may take more than one try: a cancel
 * that reaches the database before the statement does is ignored there. H2 takes a statement's cancel again and
 * again; PostgreSQL's driver sends only a statement's first, so a later try asks the server itself to cancel what
 * the statement's server process runs (pg_cancel_backend), which it does only until the query has ended here.
 */
public final class RunningQuery {

    private static final Logger LOG = Logger.getLogger(RunningQuery.class.getName());

    private final Statement statement;
    private final DataSource dataSource;
    private final OptionalInt serverProcess;
    private boolean tried;
    private boolean ended;

    private RunningQuery(Statement statement, DataSource dataSource, OptionalInt serverProcess) {
        this.statement = statement;
        this.dataSource = dataSource;
        this.serverProcess = serverProcess;
    }

    /** The statement about to run on the connection, which came from the data source. */
    static RunningQuery of(Connection connection, Statement statement, DataSource dataSource) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return new RunningQuery(statement, dataSource, OptionalInt.empty());
        }
        try (Statement process = connection.createStatement();
             ResultSet id = process.executeQuery("SELECT pg_backend_pid()")) {
            id.next();
            return new RunningQuery(statement, dataSource, OptionalInt.of(id.getInt(1)));
        }
    }

    /** Asks the database to stop the query; called again while the query still runs, it asks again. */
    public synchronized void cancel() {
        if (ended) {
            return;
        }
        try {
            if (!tried || serverProcess.isEmpty()) {
                statement.cancel();
            } else {
                cancelServerProcess(serverProcess.getAsInt());
            }
        } catch (SQLException e) {
            // the query finished or its connection closed meanwhile, or the database is out of reach: a later
            // try, or the query's own execution duration, stops it
            LOG.log(Level.FINE, "Could not cancel a TAP query", e);
        }
        tried = true;
    }

    /** From now on the connection may serve other statements, which no cancel may reach. */
    synchronized void end() {
        ended = true;
    }

    private void cancelServerProcess(int process) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement cancel = connection.prepareStatement("SELECT pg_cancel_backend(?)")) {
            cancel.setInt(1, process);
            cancel.executeQuery().close();
        }
    }
}
