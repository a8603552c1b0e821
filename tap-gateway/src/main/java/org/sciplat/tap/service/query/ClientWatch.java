package org.sciplat.tap.service.query;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the client of a synchronous query while its statement runs, by probing its response, and cancels the
 * statement once the client has gone: an abandoned query would otherwise hold its running place, and its share of
 * the database, until its execution duration ran out.
 */
final class ClientWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClientWatch.class.getName());

    /**
     * How long a statement runs before its response is committed to probe the client: one that fails sooner is still
     * answered with its HTTP error status, a later failure with 200 and the error in the VOTable.
     */
    static final Duration PROBE_AFTER = Duration.ofSeconds(1);
    /**
     * A write to a closed connection fails only after the peer has answered the one before with a reset: two probes
     * notice a client gone, within about two tenths of a second after the first (a byte each, ten bytes a second).
     */
    static final Duration PROBE_EVERY = Duration.ofMillis(100);

    private final SyncResponse client;
    private final ResultFormat format;
    private final ScheduledExecutorService scheduler;
    private RunningQuery query;
    private ScheduledFuture<?> probes;
    private volatile boolean gone;

    ClientWatch(SyncResponse client, ResultFormat format, ScheduledExecutorService scheduler) {
        this.client = client;
        this.format = format;
        this.scheduler = scheduler;
    }

    /** Starts probing while the query runs. */
    synchronized void watch(RunningQuery running) {
        query = running;
        probes = scheduler.scheduleWithFixedDelay(this::probe, PROBE_AFTER.toMillis(), PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the client went away while the query ran. */
    boolean clientGone() {
        return gone;
    }

    @Override
    public synchronized void close() {
        if (probes != null) {
            probes.cancel(false);
        }
    }

    /**
     * One probe. It must not throw: an exception out of a periodic task ends its schedule without a word, and the
     * query would then run to its execution duration after its client left.
     */
    private void probe() {
        if (!gone) {
            try {
                client.probe(format);
                return;
            } catch (ClientGoneException e) {
                gone = true;
            } catch (RuntimeException e) {
                // the container refuses to write the response any more: no client can receive the result
                LOG.log(Level.WARNING, "Probing a synchronous TAP query's client failed", e);
                gone = true;
            }
        }
        // at every probe until the statement ends: a cancel that reaches the database before the statement does is
        // ignored there
        try {
            query.cancel();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not cancel an abandoned TAP query", e);
        }
    }
}
