package org.sciplat.tap.service.uws;

import java.util.concurrent.CancellationException;
import org.sciplat.tap.service.query.RunningQuery;

/**
 * A job as this server runs it, from QUEUED on: its owner, whose running places it waits for, and the statement it
 * runs, to be stopped when the job is aborted or deleted here, elsewhere (seen in its row) or when the server stops.
 * A job stopped while it waits, or before its task began, simply never runs: its task, which holds its place, is
 * never cancelled but returns at once, giving the place back.
 */
final class Execution {

    private final String owner;
    private RunningQuery query;
    private boolean stopped;

    Execution(String owner) {
        this.owner = owner;
    }

    String owner() {
        return owner;
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
     * the statement reaches the database is lost, so the watcher repeats it until it lands. The worker is never
     * interrupted: H2 closes its database file when a thread reading it is interrupted.
     */
    synchronized void stop() {
        if (query != null) {
            query.cancel();
        }
        stopped = true;
    }
}
