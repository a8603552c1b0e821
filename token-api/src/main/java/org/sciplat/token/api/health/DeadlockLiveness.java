package org.sciplat.token.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while no threads are deadlocked. Deadlocked threads never recover, and hold their locks, connections and
 * places in the executors' pools for good; the requests and jobs that need them hang behind them. Only a restart
 * frees them.
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        List<String> deadlocked = deadlockedThreads();
        var response = HealthCheckResponse.named("deadlocks").withData("deadlocked_threads", deadlocked.size());
        if (deadlocked.isEmpty()) {
            return response.up().build();
        }
        return response.down().withData("threads", String.join(", ", deadlocked)).build();
    }

    /** The names of the threads deadlocked on monitors or on java.util.concurrent locks. */
    static List<String> deadlockedThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return List.of();
        }
        return Arrays.stream(threads.getThreadInfo(ids))
                .filter(Objects::nonNull)
                .map(ThreadInfo::getThreadName)
                .toList();
    }
}
