package org.sciplat.token.core.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.TooManyLoginAttemptsException;

class LoginThrottleTest {

    private static final String ATTACKER = "198.51.100.7";
    private static final String ELSEWHERE = "203.0.113.20";

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 30, Duration.ofMinutes(15), clock);

    @Test
    void fiveWrongPasswordsAreFreeThenEachWaitDoubles() {
        failTimes("astronomer", ATTACKER, 5);
        assertEquals(1, refusal("astronomer", ATTACKER).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> throttle.check("astronomer", ATTACKER));
        throttle.failed("astronomer", ATTACKER);
        assertEquals(2, refusal("astronomer", ATTACKER).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("astronomer", ATTACKER);
        assertEquals(4, refusal("astronomer", ATTACKER).retryAfterSeconds());
    }

    @Test
    void theWaitNeverExceedsTheMostConfigured() {
        failTimes("astronomer", ATTACKER, 40);
        assertEquals(Duration.ofMinutes(15).toSeconds(), refusal("astronomer", ATTACKER).retryAfterSeconds());
    }

    @Test
    void anAttackerCannotLockTheUserOutFromElsewhere() {
        failTimes("astronomer", ATTACKER, 12);
        refusal("astronomer", ATTACKER);
        assertDoesNotThrow(() -> throttle.check("astronomer", ELSEWHERE));
    }

    @Test
    void sprayingManyUsernamesFromOneAddressIsThrottledToo() {
        for (int i = 0; i < 30; i++) {
            assertDoesNotThrow(() -> throttle.check("someone", ATTACKER));
            throttle.failed("user" + i, ATTACKER);
        }
        assertEquals(1, refusal("somebody-new", ATTACKER).retryAfterSeconds());
        assertDoesNotThrow(() -> throttle.check("somebody-new", ELSEWHERE));
    }

    @Test
    void aSuccessStartsTheAccountsCountAgain() {
        failTimes("astronomer", ATTACKER, 4);
        throttle.succeeded("astronomer", ATTACKER);
        failTimes("astronomer", ATTACKER, 4);
        assertDoesNotThrow(() -> throttle.check("astronomer", ATTACKER));
    }

    @Test
    void failuresAreForgottenWhenTheLongestWaitHasPassedTwice() {
        failTimes("astronomer", ATTACKER, 20);
        clock.advance(Duration.ofMinutes(31));
        failTimes("astronomer", ATTACKER, 5);
        assertEquals(1, refusal("astronomer", ATTACKER).retryAfterSeconds());
    }

    @Test
    void theRefusalSaysWhenToComeBackAsAPersonWould() {
        failTimes("astronomer", ATTACKER, 12);
        TooManyLoginAttemptsException refused = refusal("astronomer", ATTACKER);
        assertEquals(429, refused.status());
        assertEquals("too_many_attempts", refused.type());
        assertEquals("Too many failed logins from your address; try again in 3 minutes", refused.getMessage());
    }

    private void failTimes(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    private TooManyLoginAttemptsException refusal(String username, String address) {
        return assertThrows(TooManyLoginAttemptsException.class, () -> throttle.check(username, address));
    }

    /** A clock the test moves on by hand. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
