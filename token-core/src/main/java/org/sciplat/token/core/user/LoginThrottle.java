package org.sciplat.token.core.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.TooManyLoginAttemptsException;

/**
 * Slows password guessing down without letting anyone lock a user out. Failures are counted per client address,
 * for one account and for all accounts together; after the free ones, each further attempt from that address must
 * wait twice as long as the one before (1 s, 2 s, 4 s... up to {@code sciplat.login.throttle.max-wait}), and is
 * refused at once while it waits, before any password hash is computed. A real user logging in from another
 * address is never slowed by an attacker's failures, which is why nothing is counted per account alone. Counts
 * are kept in this instance's memory, bounded, and forgotten a while after the last failure.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bounds the memory an attacker spraying addresses and usernames can make this use. */
    private static final long MAX_ENTRIES = 100_000;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private int accountFreeFailures;
    private int addressFreeFailures;
    private Duration maxWait;
    private Clock clock;
    private Cache<String, Failures> failures;

    protected LoginThrottle() {
    }

    @Inject
    public LoginThrottle(
            @ConfigProperty(name = "sciplat.login.throttle.account-free-failures", defaultValue = "5")
            int accountFreeFailures,
            @ConfigProperty(name = "sciplat.login.throttle.address-free-failures", defaultValue = "30")
            int addressFreeFailures,
            @ConfigProperty(name = "sciplat.login.throttle.max-wait", defaultValue = "PT15M") Duration maxWait) {
        this(accountFreeFailures, addressFreeFailures, maxWait, Clock.systemUTC());
    }

    /** A throttle on the given clock, for tests that move time on. */
    public LoginThrottle(int accountFreeFailures, int addressFreeFailures, Duration maxWait, Clock clock) {
        if (accountFreeFailures < 1 || addressFreeFailures < 1 || maxWait.compareTo(FIRST_WAIT) < 0) {
            throw new IllegalArgumentException("The login throttle needs at least one free failure and a wait of 1 s");
        }
        this.accountFreeFailures = accountFreeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.maxWait = maxWait;
        this.clock = clock;
        // failures are forgotten once the longest wait has passed twice over with no new one
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(maxWait.multipliedBy(2))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** Refuses the attempt if the address must still wait, for this account or for all. */
    public void check(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = waitFor(accountKey(username, address), accountFreeFailures, now)
                .or(() -> waitFor(addressKey(address), addressFreeFailures, now));
        if (wait.isPresent()) {
            throw new TooManyLoginAttemptsException(wait.get());
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        failures.asMap().merge(accountKey(username, address), new Failures(1, now), Failures::plus);
        failures.asMap().merge(addressKey(address), new Failures(1, now), Failures::plus);
    }

    /** The account's count from this address starts again; the address's count for all accounts stays. */
    public void succeeded(String username, String address) {
        failures.invalidate(accountKey(username, address));
    }

    private Optional<Duration> waitFor(String key, int free, Instant now) {
        Failures counted = failures.getIfPresent(key);
        if (counted == null || counted.count() < free) {
            return Optional.empty();
        }
        Instant until = counted.last().plus(wait(counted.count() - free));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** 1 s after the first failure beyond the free ones, doubling with each, never more than the most. */
    private Duration wait(int beyondFree) {
        int doublings = Math.min(beyondFree, 30);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private static String accountKey(String username, String address) {
        // an invalid username is one account for this purpose: it can never log in anyway
        String account = username != null && Username.isValid(username) ? username : "";
        return "account " + account + " " + addressKey(address);
    }

    private static String addressKey(String address) {
        return "from " + (address == null ? "" : address);
    }

    private record Failures(int count, Instant last) {

        Failures plus(Failures more) {
            return new Failures(count + more.count, more.last.isAfter(last) ? more.last : last);
        }
    }
}
