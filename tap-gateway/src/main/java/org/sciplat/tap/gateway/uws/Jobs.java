package org.sciplat.tap.gateway.uws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sciplat.tap.gateway.adql.AdqlException;
import org.sciplat.tap.gateway.query.InvalidQueryException;
import org.sciplat.tap.gateway.query.QueryFailedException;
import org.sciplat.tap.gateway.query.QueryLimits;
import org.sciplat.tap.gateway.query.QueryParameters;
import org.sciplat.tap.gateway.query.QueryRunner;

/**
 * The asynchronous jobs of this server, each visible to its owner only, run on the server's managed executor and
 * destroyed, with their results, when their destruction time passes.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    @Inject
    QueryRunner runner;

    @Inject
    QueryLimits limits;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private Path results;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        try {
            results = Files.createTempDirectory("sciplat-tap-results");
        } catch (IOException e) {
            throw new UncheckedIOException("No directory for TAP results", e);
        }
        sweeper = scheduler.scheduleAtFixedRate(this::destroyExpired, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
        jobs.values().forEach(job -> job.abort(Instant.now()));
        jobs.keySet().forEach(this::delete);
    }

    /** A new PENDING job of this owner with these parameters (names upper-cased). */
    public Job create(String owner, Map<String, String> parameters) {
        Instant now = Instant.now();
        Job job = new Job(newId(), owner, now, parameters, limits.defaultExecutionDuration(),
                now.plus(limits.defaultRetention()));
        jobs.put(job.id(), job);
        return job;
    }

    /** The owner's job; another owner's job is as absent as one that never existed. */
    public Optional<Job> find(String id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner().equals(owner));
    }

    public List<Job> of(String owner) {
        return jobs.values().stream().filter(job -> job.owner().equals(owner))
                .sorted(Comparator.comparing(Job::created)).toList();
    }

    public void run(Job job) {
        if (job.queue()) {
            job.executing(executor.submit(() -> execute(job)));
        }
    }

    public void abort(Job job) {
        job.abort(Instant.now());
    }

    public void delete(Job job) {
        job.abort(Instant.now());
        delete(job.id());
    }

    /** A destruction time asked for, no later than the retention the service allows from the job's creation. */
    public void destroyAt(Job job, Instant at) {
        Instant latest = job.created().plus(limits.hardRetention());
        job.destruction(at.isAfter(latest) ? latest : at);
    }

    public void executionDuration(Job job, long seconds) {
        job.executionDuration(limits.executionDuration(seconds));
    }

    /** The longest a WAIT blocks, whatever the client asked. */
    public Duration maxWait() {
        return Duration.ofSeconds(60);
    }

    private void execute(Job job) {
        if (!job.begin(Instant.now())) {
            return;
        }
        Path file = results.resolve(job.id());
        OutputStream[] opened = new OutputStream[1];
        try {
            QueryParameters parameters = QueryParameters.checked(job.parameters(), limits);
            // a job waits for a place as long as it may run: it is queued, not refused
            QueryRunner.Outcome outcome = runner.run(QueryRunner.Mode.ASYNC, parameters, job.executionDuration(),
                    job.executionDuration(),
                    format -> {
                job.producing(format.mimeType());
                opened[0] = Files.newOutputStream(file);
                return opened[0];
            }, job::running);
            opened[0].close();
            job.complete(file, outcome.rows(), outcome.overflow(), Instant.now());
        } catch (AdqlException | InvalidQueryException | QueryFailedException e) {
            job.fail(e.getMessage(), Instant.now());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "TAP job " + job.id() + " failed", e);
            job.fail("The query failed: " + e.getClass().getSimpleName(), Instant.now());
        } finally {
            closeQuietly(opened[0]);
            if (job.phase() != Phase.COMPLETED) {
                deleteQuietly(file);
            }
        }
    }

    private void destroyExpired() {
        Instant now = Instant.now();
        jobs.values().stream().filter(job -> job.destruction().isBefore(now)).toList().forEach(this::delete);
    }

    private void delete(String id) {
        Job job = jobs.remove(id);
        if (job != null) {
            job.abort(Instant.now());
            deleteQuietly(results.resolve(id));
        }
    }

    private String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // already closed after a complete result, or the job failed and its file goes anyway
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete TAP result " + file + ": " + e.getMessage());
        }
    }
}
