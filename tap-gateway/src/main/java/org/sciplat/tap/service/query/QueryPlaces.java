package org.sciplat.tap.service.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.quota.UserQuotas;

/**
 * The places this instance runs TAP queries in, synchronous and asynchronous alike: at most
 * {@code sciplat.tap.max-running-queries} at once, of which one user holds at most their TAP quota (an admin's
 * override, else the highest {@code sciplat.quota.concurrent.<group>.tap} of their groups, else
 * {@code sciplat.tap.per-user.running}).
 * Queries share the database's connections with token verification, so however many clients ask, logins and token
 * checks keep the rest of the pool; and since one user can fill only their own share, everyone else still gets a
 * place. A place is given at once or not at all: a request waiting for one held a request thread, and a burst of
 * such requests left the token API without threads for seconds.
 */
@ApplicationScoped
public class QueryPlaces {

    @Inject
    @ConfigProperty(name = "sciplat.tap.max-running-queries", defaultValue = "4")
    int maxRunning;

    @Inject
    @ConfigProperty(name = "sciplat.tap.per-user.running", defaultValue = "2")
    int perUserRunning;

    @Inject
    @ConfigProperty(name = "sciplat.tap.per-user.queued", defaultValue = "10")
    int perUserQueued;

    /** The name quotas know the TAP service by, as a gate location would name it. */
    static final String SERVICE = "tap";

    @Inject
    UserQuotas quotas;

    private int taken;
    private final Map<String, Integer> takenBy = new HashMap<>();

    /**
     * A place for the user's query now: TooManyQueriesException when the user already holds all theirs,
     * ServiceBusyException when the instance's are all taken.
     */
    public Place take(String user) {
        int mine = perUser(user);
        synchronized (this) {
            if (takenBy.getOrDefault(user, 0) >= mine) {
                throw new TooManyQueriesException("You are running " + mine + (mine == 1 ? " query" : " queries")
                        + ", the most your quota allows at once: try again when one has finished");
            }
            return tryTake(user, mine).orElseThrow(() -> new ServiceBusyException("The service is running as many"
                    + " queries as it can; please try again in a moment"));
        }
    }

    /** A place for the user's query if one is free for them now. */
    public Optional<Place> tryTake(String user) {
        return tryTake(user, perUser(user));
    }

    private synchronized Optional<Place> tryTake(String user, int mine) {
        if (taken >= Math.max(1, maxRunning) || takenBy.getOrDefault(user, 0) >= mine) {
            return Optional.empty();
        }
        taken++;
        takenBy.merge(user, 1, Integer::sum);
        return Optional.of(new Place(user));
    }

    // outside the lock: the quota may read the directory once in a while
    private int perUser(String user) {
        return Math.max(1, quotas.atOnce(user, SERVICE).orElse(perUserRunning));
    }

    /** How many asynchronous jobs one user may have waiting for a place on this instance. */
    public int perUserQueued() {
        return perUserQueued;
    }

    private synchronized void release(String user) {
        taken--;
        takenBy.computeIfPresent(user, (holder, count) -> count == 1 ? null : count - 1);
    }

    /** A running place, given back when closed (once, however often it is closed). */
    public final class Place implements AutoCloseable {

        private final String user;
        private boolean released;

        private Place(String user) {
            this.user = user;
        }

        @Override
        public void close() {
            synchronized (QueryPlaces.this) {
                if (!released) {
                    released = true;
                    release(user);
                }
            }
        }
    }
}
