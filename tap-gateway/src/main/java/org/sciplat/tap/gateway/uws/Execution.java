package org.sciplat.tap.gateway.uws;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;

/**
 * A job as this server runs it: the task on the managed executor and the statement it runs, both to be stopped
 * when the job is aborted or deleted here, elsewhere (seen in its row) or when the server stops.
 */
final class Execution {

    private Future<?> task;
    private Statement statement;
    private boolean stopped;

    synchronized void task(Future<?> submitted) {
        task = submitted;
        if (stopped) {
            task.cancel(false);
        }
    }

    /**
     * The statement the job is about to run. A job stopped before this never runs it: a cancel that reaches the
     * database before the statement does is ignored there (seen on PostgreSQL: an abort sent through another server
     * while the job was starting left its query running, and its server unable to stop, for ten minutes).
     */
    synchronized void running(Statement running) {
        if (stopped) {
            throw new CancellationException("The job was stopped before its query started");
        }
        statement = running;
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /**
     * Stops the job; called again while the job still runs, it cancels the statement again. H2 ignores a cancel
     * that comes between the statement's creation and its execution, so the watcher repeats it until it lands.
     */
    synchronized void stop() {
        cancelStatement();
        if (stopped) {
            return;
        }
        stopped = true;
        // never interrupt the worker: H2 closes its database file when a thread reading it is interrupted
        if (task != null) {
            task.cancel(false);
        }
    }

    private void cancelStatement() {
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // the statement finished or its connection closed meanwhile: nothing is left to stop
            }
        }
    }
}
