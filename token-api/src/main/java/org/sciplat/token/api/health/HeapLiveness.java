package org.sciplat.token.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the heap keeps headroom after garbage collection. Heap in use right now says nothing (it fills up
 * before every collection); what survives a collection is the live data, and when that nears the maximum the JVM
 * spends its time collecting and soon fails with OutOfMemoryError: only a restart gives the memory back.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    /** The share of the maximum heap that the data surviving collection may fill before a restart is due. */
    static final double MAX_SHARE_AFTER_GC = 0.95;
    private static final long MB = 1024 * 1024;

    @Override
    public HealthCheckResponse call() {
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        long afterGc = liveAfterLastCollection();
        var response = HealthCheckResponse.named("heap")
                .withData("used_after_gc_mb", afterGc / MB)
                .withData("max_mb", max < 0 ? -1 : max / MB);
        return response.status(!isExhausted(afterGc, max)).build();
    }

    /** Whether what survived collection leaves too little of the maximum; never without a known maximum. */
    static boolean isExhausted(long usedAfterGc, long max) {
        return max > 0 && usedAfterGc > max * MAX_SHARE_AFTER_GC;
    }

    /** The heap in use just after each heap pool's last collection (0 for a pool not collected yet). */
    private static long liveAfterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }
}
