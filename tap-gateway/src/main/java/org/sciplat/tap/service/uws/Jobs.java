package org.sciplat.tap.service.uws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sciplat.tap.service.adql.AdqlException;
import org.sciplat.tap.service.migration.TapMigration;
import org.sciplat.tap.service.query.InvalidQueryException;
import org.sciplat.tap.service.query.QueryFailedException;
import org.sciplat.tap.service.query.QueryLimits;
import org.sciplat.tap.service.query.QueryParameters;
import org.sciplat.tap.service.query.QueryPlaces;
import org.sciplat.tap.service.query.QueryRunner;
import org.sciplat.tap.service.query.RequestTooLargeException;
import org.sciplat.tap.service.query.TooManyQueriesException;
import org.sciplat.tap.service.upload.StoredUpload;
import org.sciplat.tap.service.upload.UploadedTables;
import org.sciplat.tap.service.upload.Uploads;

/**
 * The asynchronous jobs of every server on the database, each visible to its owner only. A job runs on the server
 * that was told to run it, once that server has a running place free for its owner ({@link QueryPlaces}); until
 * then it waits QUEUED, in the order it was told to run, holding no thread. Any server may abort or delete it, and
 * the running server learns of that from the job's row within a WATCH_INTERVAL. Jobs are destroyed, with their
 * results, when their destruction time passes.
 */
@ApplicationScoped
public class Jobs {

    /** What a job says whose server stopped while it ran. */
    static final String SERVER_STOPPED = "The server running this query stopped; run it again";

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /**
     * How soon an abort or delete sent to another server stops the statement running here, and a place freed by a
     * synchronous query starts a waiting job.
     */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    /** A running job whose server has been silent this long is taken for lost: several missed heartbeats. */
    private static final Duration SILENCE_LIMIT = Duration.ofSeconds(60);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);
    private static final Duration WAIT_POLL = Duration.ofMillis(250);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @Inject
    QueryRunner runner;

    @Inject
    QueryLimits limits;

    @Inject
    QueryPlaces places;

    @Inject
    Uploads uploads;

    @Resource(lookup = "jdbc/jobs")
    DataSource database;

    @Inject
    TapMigration migration;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** This server, as the executor column names it; drawn anew at each start. */
    private final String server = UUID.randomUUID().toString();
    /** This server's jobs from QUEUED on, by id. */
    private final Map<String, Execution> running = new ConcurrentHashMap<>();
    /** The ids of the jobs waiting for a running place, first come first served; guarded by itself. */
    private final Deque<String> waiting = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private JobStore store;
    private volatile Instant lastHeartbeat = Instant.EPOCH;
    private ScheduledFuture<?> watcher;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void connect() {
        store = new JobStore(database);
    }

    /** Starts watching and sweeping with the application, not at the first request: every server sweeps. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        watcher = scheduler.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The jobs this server runs fail now rather than a minute later, when another server notices the silence. */
    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.cancel(false);
            sweeper.cancel(false);
        }
        if (running.isEmpty()) {
            return;
        }
        try {
            store.failAll(server, SERVER_STOPPED, Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record that this server's TAP jobs stopped with it", e);
        }
        running.values().forEach(Execution::stop);
    }

    /** A new PENDING job of this owner with these parameters (names upper-cased) and the tables it uploads. */
    public Job create(String owner, Map<String, String> parameters, List<StoredUpload> uploaded) {
        if (store.count(owner) >= limits.maxJobsPerUser()) {
            throw new TooManyJobsException("You keep " + limits.maxJobsPerUser() + " jobs, the most this service"
                    + " stores for one user: delete some, or wait for their destruction time");
        }
        requireStorable(parameters);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return store.create(newId(), owner, now, parameters, uploaded, limits.defaultExecutionDuration(),
                now.plus(limits.defaultRetention()));
    }

    /** The owner's job; another owner's job is as absent as one that never existed. */
    public Optional<Job> find(String id, String owner) {
        return store.find(id).filter(job -> job.owner().equals(owner));
    }

    public List<Job> of(String owner) {
        return store.of(owner);
    }

    /** New or changed query parameters; JobStateException once the job has left PENDING. */
    public void changeParameters(Job job, Map<String, String> changes) {
        store.changeParameters(job.id(), changes, this::requireStorable);
    }

    /** RequestTooLargeException if the parameters would take more than a job may keep. */
    private void requireStorable(Map<String, String> parameters) {
        long chars = parameters.entrySet().stream().mapToLong(p -> p.getKey().length() + p.getValue().length())
                .sum();
        if (chars > limits.maxJobParameterChars()) {
            throw new RequestTooLargeException("A job keeps parameters of at most " + limits.maxJobParameterChars()
                    + " characters in all; these would take " + chars);
        }
    }

    /**
     * Runs the job on this server as soon as it has a running place for the job's owner; a job past PENDING is left as
     * it is (running it again changes nothing). TooManyQueriesException when the owner already has as many jobs
     * waiting here as one user may.
     */
    public void run(Job job) {
        if (job.phase() != Phase.PENDING) {
            return;
        }
        synchronized (waiting) {
            if (waiting.stream().map(running::get).filter(e -> e != null && e.owner().equals(job.owner())).count()
                    >= places.perUserQueued()) {
                throw new TooManyQueriesException("You have " + places.perUserQueued() + " jobs waiting to run, the"
                        + " most one user may: run this one when one of them has started");
            }
        }
        if (!store.queue(job.id(), server, Instant.now())) {
            return;
        }
        running.put(job.id(), new Execution(job.owner()));
        synchronized (waiting) {
            waiting.add(job.id());
        }
        startWaiting();
    }

    public void abort(Job job) {
        store.abort(job.id(), Instant.now());
        stopHere(job.id());
    }

    public void delete(Job job) {
        store.delete(job.id());
        stopHere(job.id());
    }

    /** A destruction time asked for, in the future and no later than the retention the service allows from the job's creation. */
    public void destroyAt(Job job, Instant at) {
        // UWS lets a service adjust the time instead; a refusal tells the client its job would not be kept at all
        if (!at.isAfter(Instant.now())) {
            throw new InvalidQueryException("DESTRUCTION " + at + " has passed: give a time in the future");
        }
        Instant latest = job.created().plus(limits.hardRetention());
        store.destruction(job.id(), at.isAfter(latest) ? latest : at);
    }

    /** JobStateException once the job has left PENDING. */
    public void executionDuration(Job job, long seconds) {
        store.executionDuration(job.id(), limits.executionDuration(seconds));
    }

    /** The longest a WAIT blocks, whatever the client asked. */
    public Duration maxWait() {
        return MAX_WAIT;
    }

    /**
     * Waits up to the given time while the job is in the given phase (or the one it was in), as UWS WAIT asks, and
     * returns it as it is then; empty if it was deleted meanwhile. Whichever server runs the job, its row tells.
     */
    public Optional<Job> awaitChange(Job job, Duration wait, Phase from) throws InterruptedException {
        Phase watched = from == null ? job.phase() : from;
        long deadline = System.nanoTime() + wait.toNanos();
        Phase phase = job.phase();
        while (phase.isActive() && phase == watched) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Thread.sleep(Math.max(1, Math.min(WAIT_POLL.toMillis(), left / 1_000_000)));
            Optional<Phase> now = store.phase(job.id());
            if (now.isEmpty()) {
                return Optional.empty();
            }
            phase = now.get();
        }
        return store.find(job.id());
    }

    /** Writes a completed job's result as it was stored, a chunk at a time. */
    public void writeResult(Job job, StoredResult result, OutputStream out) throws IOException {
        store.copyResult(job.id(), result, out);
    }

    /** Starts each waiting job, in order, whose owner has a running place free; those aborted meanwhile are let go. */
    private void startWaiting() {
        synchronized (waiting) {
            for (Iterator<String> ids = waiting.iterator(); ids.hasNext();) {
                String id = ids.next();
                Execution execution = running.get(id);
                if (execution == null || execution.stopped()) {
                    ids.remove();
                    running.remove(id);
                    continue;
                }
                Optional<QueryPlaces.Place> place = places.tryTake(execution.owner());
                if (place.isPresent()) {
                    ids.remove();
                    start(id, execution, place.get());
                }
            }
        }
    }

    private void start(String id, Execution execution, QueryPlaces.Place place) {
        try {
            executor.submit(() -> execute(id, execution, place));
        } catch (RejectedExecutionException e) {
            place.close();
            running.remove(id);
            fail(id, "The server could not start the query (it may be stopping); run it again");
        }
    }

    private void execute(String id, Execution execution, QueryPlaces.Place place) {
        JobStore.ResultOutput[] output = new JobStore.ResultOutput[1];
        boolean completed = false;
        try (place) {
            if (execution.stopped() || !store.begin(id, server, Instant.now())) {
                return;
            }
            Optional<Job> job = store.find(id);
            if (job.isEmpty()) {
                return;
            }
            Map<String, String> values = new LinkedHashMap<>(job.get().parameters());
            boolean uploading = values.remove("UPLOAD") != null;
            QueryParameters parameters = QueryParameters.checked(values, limits);
            QueryRunner.Outcome outcome;
            try (UploadedTables uploaded = uploading ? uploads.load(store.uploads(id)) : UploadedTables.none()) {
                outcome = runner.async(place, parameters.withUploads(uploaded.tables()),
                        job.get().executionDuration(), format -> {
                            output[0] = store.resultOutput(id, format.mimeType());
                            return output[0];
                        }, execution::running);
            }
            output[0].close();
            completed = store.complete(id, server, output[0].stored(outcome.rows(), outcome.overflow()),
                    Instant.now());
        } catch (CancellationException e) {
            // stopped before its statement ran: its phase already says so
        } catch (AdqlException | InvalidQueryException | QueryFailedException e) {
            fail(id, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "TAP job " + id + " failed", e);
            fail(id, "The query failed: " + e.getClass().getSimpleName());
        } finally {
            running.remove(id);
            if (!completed && output[0] != null) {
                discardResult(id);
            }
            discardUploads(id);
        }
        startWaiting();
    }

    private void fail(String id, String message) {
        try {
            store.fail(id, server, message, Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record that TAP job " + id + " failed", e);
        }
    }

    private void discardResult(String id) {
        try {
            store.deleteResult(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete the unfinished result of TAP job " + id, e);
        }
    }

    /** A job runs once: what it uploaded is not needed after that. */
    private void discardUploads(String id) {
        try {
            store.deleteUploads(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete the uploaded tables of TAP job " + id, e);
        }
    }

    private void stopHere(String id) {
        Execution execution = running.get(id);
        if (execution != null) {
            execution.stop();
        }
    }

    /**
     * Keeps this server's running and waiting jobs alive in the database, stops those aborted or deleted elsewhere,
     * and starts waiting ones in the places synchronous queries have freed.
     */
    private void watch() {
        if (running.isEmpty()) {
            return;
        }
        startWaiting();
        try {
            Instant now = Instant.now();
            if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT_INTERVAL) >= 0) {
                store.heartbeat(server, now);
                lastHeartbeat = now;
            }
            Set<String> active = store.active(server);
            running.forEach((id, execution) -> {
                if (!active.contains(id)) {
                    execution.stop();
                }
            });
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the next watch may find the database back
            LOG.log(Level.WARNING, "Could not check this server's running TAP jobs", e);
        }
    }

    /** Run by every server: each statement is a conditional UPDATE or DELETE, so two sweeps at once do no harm. */
    private void sweep() {
        // before its tables are there, or never in proxy mode, which leaves them unmigrated
        if (!migration.isComplete()) {
            return;
        }
        try {
            Instant now = Instant.now();
            int lost = store.failStale(now.minus(SILENCE_LIMIT), SERVER_STOPPED, now);
            int destroyed = store.destroyExpired(now);
            if (lost > 0 || destroyed > 0) {
                LOG.info(() -> "TAP jobs: " + lost + " lost with their server, " + destroyed + " destroyed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not sweep the TAP jobs", e);
        }
    }

    private String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
