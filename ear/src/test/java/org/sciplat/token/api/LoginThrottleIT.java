package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.TestServer;

/**
 * Password guessing against {@code POST /login}: after five wrong passwords from one address, that address waits,
 * doubling each time, and is told how long; the user logs in from elsewhere meanwhile. The test client is a trusted
 * proxy of the test servers, so X-Forwarded-For names the client address; each run takes addresses of its own.
 */
class LoginThrottleIT {

    @Test
    void wrongPasswordsMakeTheAddressWaitButNotTheUserElsewhere() throws InterruptedException {
        String attacker = randomAddress();
        for (int i = 0; i < 5; i++) {
            TokenRulesIT.assertError(401, "invalid_credentials", login(attacker, Astronomer.PASSWORD + "-guess" + i));
        }

        HttpResponse<String> throttled = login(attacker, Astronomer.PASSWORD);
        TokenRulesIT.assertError(429, "too_many_attempts", throttled);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertTrue(throttled.body().contains("try again in"), throttled.body());

        assertEquals(200, login(randomAddress(), Astronomer.PASSWORD).statusCode(), "the user, from elsewhere");

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertEquals(200, login(attacker, Astronomer.PASSWORD).statusCode(), "the right password once the wait is over");
    }

    @Test
    void aWaitingAddressGetsNoPasswordCheckedAndTheWaitDoubles() throws InterruptedException {
        String attacker = randomAddress();
        for (int i = 0; i < 5; i++) {
            login(attacker, "guess" + i);
        }
        TokenRulesIT.assertError(429, "too_many_attempts", login(attacker, "guess-while-waiting"));
        Thread.sleep(1_100);
        TokenRulesIT.assertError(401, "invalid_credentials", login(attacker, "guess-after-the-wait"));
        HttpResponse<String> next = login(attacker, Astronomer.PASSWORD);
        TokenRulesIT.assertError(429, "too_many_attempts", next);
        assertEquals("2", next.headers().firstValue("Retry-After").orElseThrow());
    }

    private static HttpResponse<String> login(String address, String password) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + Astronomer.USERNAME + "&password=" + password))
                .build());
    }

    /** An address of the range set aside for benchmarks, 198.18.0.0/15, new for each call. */
    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
