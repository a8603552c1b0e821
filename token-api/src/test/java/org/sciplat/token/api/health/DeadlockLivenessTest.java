package org.sciplat.token.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Two threads that each hold the lock the other waits for are found, and are gone once they give up. */
class DeadlockLivenessTest {

    @Test
    void findsThreadsDeadlockedOnConcurrentLocks() throws InterruptedException {
        assertEquals(List.of(), DeadlockLiveness.deadlockedThreads());
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread a = new Thread(() -> lockInTurn(first, second, bothHoldOne), "deadlock-a");
        Thread b = new Thread(() -> lockInTurn(second, first, bothHoldOne), "deadlock-b");
        a.setDaemon(true);
        b.setDaemon(true);
        a.start();
        b.start();

        List<String> found = awaitDeadlock(Duration.ofSeconds(10));
        assertEquals(List.of("deadlock-a", "deadlock-b"), found.stream().sorted().toList());

        a.interrupt();
        b.interrupt();
        a.join(10_000);
        b.join(10_000);
        assertEquals(List.of(), DeadlockLiveness.deadlockedThreads());
    }

    private static void lockInTurn(ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHoldOne) {
        mine.lock();
        try {
            bothHoldOne.countDown();
            bothHoldOne.await();
            theirs.lockInterruptibly();
            theirs.unlock();
        } catch (InterruptedException e) {
            // given up: the test is over
        } finally {
            mine.unlock();
        }
    }

    private static List<String> awaitDeadlock(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> found = DeadlockLiveness.deadlockedThreads();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            found = DeadlockLiveness.deadlockedThreads();
        }
        assertTrue(!found.isEmpty(), "the two threads never deadlocked");
        return found;
    }
}
