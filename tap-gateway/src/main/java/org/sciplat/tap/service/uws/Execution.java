package org.sciplat.tap.service.uws;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import org.sciplat.tap.service.query.RunningQuery;

/**
 * A job as this server runs it: the task on the managed executor and the statement it runs, both to be stopped
 * when the job is aborted or deleted here, elsewhere (seen in its row) or when the server stops.
 */
final class Execution {

    private Future<?> task;
    private RunningQuery query;
    private boolean stopped;

    synchronized void task(Future<?> submitted) {
        task = submitted;
        if (stopped) {
            task.cancel(false);
        }
    }

    /**
     * The query the job is about to run. A job stopped before this never runs it: a cancel that reaches the
     * database before the statement does is ignored there (seen on PostgreSQL: an abort sent through another server
     * while the job was starting left its query running, and its server unable to stop, for ten minutes).
     */
    synchronized void running(RunningQuery running) {
        if (stopped) {
            throw new CancellationException("The job was stopped before its query started");
        }
        query = running;
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /**
     * Stops the job; called again while the job still runs, it cancels the query again: a cancel that comes before
     * the statement reaches the database is lost, so the watcher repeats it until it lands.
     */
    synchronized void stop() {
        if (query != null) {
            query.cancel();
        }
        if (stopped) {
            return;
        }
        stopped = true;
        // never interrupt the worker: H2 closes its database file when a thread reading it is interrupted
        if (task != null) {
            task.cancel(false);
        }
    }
}
