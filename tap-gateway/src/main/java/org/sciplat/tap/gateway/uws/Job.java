package org.sciplat.tap.gateway.uws;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One asynchronous query and what became of it. Its phase only moves forward: PENDING, then QUEUED, EXECUTING and
 * one of COMPLETED, ERROR or ABORTED. Parameters, execution duration and destruction can change while it waits.
 */
public final class Job {

    private final String id;
    private final String owner;
    private final Instant created;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Phase phase = Phase.PENDING;
    private Instant started;
    private Instant ended;
    private Duration executionDuration;
    private Instant destruction;
    private Path result;
    private String resultType;
    private long rows;
    private boolean overflow;
    private String error;
    private Future<?> execution;
    private Statement statement;

    Job(String id, String owner, Instant created, Map<String, String> parameters, Duration executionDuration,
            Instant destruction) {
        this.id = id;
        this.owner = owner;
        this.created = created;
        this.parameters.putAll(parameters);
        this.executionDuration = executionDuration;
        this.destruction = destruction;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Instant created() {
        return created;
    }

    public synchronized Phase phase() {
        return phase;
    }

    public synchronized Optional<Instant> started() {
        return Optional.ofNullable(started);
    }

    public synchronized Optional<Instant> ended() {
        return Optional.ofNullable(ended);
    }

    public synchronized Duration executionDuration() {
        return executionDuration;
    }

    public synchronized Instant destruction() {
        return destruction;
    }

    public synchronized Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    public synchronized Optional<String> runId() {
        return Optional.ofNullable(parameters.get("RUNID"));
    }

    public synchronized Optional<Path> result() {
        return phase == Phase.COMPLETED ? Optional.ofNullable(result) : Optional.empty();
    }

    public synchronized String resultType() {
        return resultType;
    }

    public synchronized long rows() {
        return rows;
    }

    public synchronized boolean overflow() {
        return overflow;
    }

    public synchronized Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Changes parameters; only before the job runs. */
    synchronized void update(Map<String, String> changes) {
        requirePending("its parameters");
        parameters.putAll(changes);
    }

    synchronized void executionDuration(Duration duration) {
        requirePending("its execution duration");
        executionDuration = duration;
    }

    synchronized void destruction(Instant at) {
        destruction = at;
    }

    /** Hands the job to an executor; false if it is past PENDING (running it again changes nothing). */
    synchronized boolean queue() {
        if (phase != Phase.PENDING) {
            return false;
        }
        phase = Phase.QUEUED;
        notifyAll();
        return true;
    }

    synchronized void executing(Future<?> future) {
        execution = future;
    }

    /** False if the job was aborted before it could start. */
    synchronized boolean begin(Instant at) {
        if (phase != Phase.QUEUED) {
            return false;
        }
        phase = Phase.EXECUTING;
        started = at;
        notifyAll();
        return true;
    }

    /** The statement the job runs, to be cancelled if the job is aborted; at once if it already was. */
    synchronized void running(Statement running) {
        statement = running;
        if (phase == Phase.ABORTED) {
            cancelStatement();
        }
    }

    synchronized void producing(String mimeType) {
        resultType = mimeType;
    }

    synchronized void complete(Path file, long rowCount, boolean overflowed, Instant at) {
        if (phase != Phase.EXECUTING) {
            return;
        }
        phase = Phase.COMPLETED;
        result = file;
        rows = rowCount;
        overflow = overflowed;
        finish(at);
    }

    synchronized void fail(String message, Instant at) {
        if (phase != Phase.EXECUTING && phase != Phase.QUEUED) {
            return;
        }
        phase = Phase.ERROR;
        error = message;
        finish(at);
    }

    /** Stops the job wherever it is; a finished job stays as it is. */
    synchronized void abort(Instant at) {
        if (!phase.isActive()) {
            return;
        }
        phase = Phase.ABORTED;
        cancelStatement();
        // never interrupt the worker: H2 closes its database file when a thread reading it is interrupted
        if (execution != null) {
            execution.cancel(false);
        }
        finish(at);
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

    /** Waits up to the given time while the job is in the given phase (or any active one), as UWS WAIT asks. */
    synchronized void awaitChange(Duration wait, Phase from) throws InterruptedException {
        Phase watched = from == null ? phase : from;
        long deadline = System.nanoTime() + wait.toNanos();
        while (phase.isActive() && phase == watched) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private void finish(Instant at) {
        ended = at;
        statement = null;
        notifyAll();
    }

    private void requirePending(String what) {
        if (phase != Phase.PENDING) {
            throw new JobStateException("Job " + id + " is " + phase + ": " + what + " can only change while it is"
                    + " PENDING");
        }
    }
}
