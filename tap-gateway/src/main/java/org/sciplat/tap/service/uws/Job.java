package org.sciplat.tap.service.uws;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One asynchronous query and what became of it, as the database held it when it was read: any server may change
 * the job afterwards, so a Job is a snapshot to answer one request with, never a handle to act through. Its phase
 * only moves forward: PENDING, then QUEUED, EXECUTING and one of COMPLETED, ERROR or ABORTED.
 */
public final class Job {

    private final String id;
    private final String owner;
    private final Phase phase;
    private final Instant created;
    private final Instant started;
    private final Instant ended;
    private final Duration executionDuration;
    private final Instant destruction;
    private final Map<String, String> parameters;
    private final String error;
    private final StoredResult result;

    Job(String id, String owner, Phase phase, Instant created, Instant started, Instant ended,
            Duration executionDuration, Instant destruction, Map<String, String> parameters, String error,
            StoredResult result) {
        this.id = id;
        this.owner = owner;
        this.phase = phase;
        this.created = created;
        this.started = started;
        this.ended = ended;
        this.executionDuration = executionDuration;
        this.destruction = destruction;
        this.parameters = new LinkedHashMap<>(parameters);
        this.error = error;
        this.result = result;
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

    public Phase phase() {
        return phase;
    }

    public Optional<Instant> started() {
        return Optional.ofNullable(started);
    }

    public Optional<Instant> ended() {
        return Optional.ofNullable(ended);
    }

    public Duration executionDuration() {
        return executionDuration;
    }

    public Instant destruction() {
        return destruction;
    }

    /** The query's parameters by upper-cased name, in the order they were first given. */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public Optional<String> runId() {
        return Optional.ofNullable(parameters.get("RUNID"));
    }

    /** The result of a COMPLETED job. */
    public Optional<StoredResult> result() {
        return phase == Phase.COMPLETED ? Optional.ofNullable(result) : Optional.empty();
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
