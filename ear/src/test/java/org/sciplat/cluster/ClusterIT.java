package org.sciplat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

// only where the build started a second server: the cluster run, not the single-server suites
@EnabledIfSystemProperty(named = "it.second.base.url", matches = ".+")
class ClusterIT {

    private final TestServer.Instance first = TestServer.FIRST;
    private final TestServer.Instance second = TestServer.second();

    @Test
    void aTokenCreatedThroughOneServerWorksOnTheOther() {
        String token = Astronomer.userToken(null, "read:tap", "user:token");

        HttpResponse<String> info = second.get("/auth/api/v1/token-info", "Authorization", Api.bearer(token));
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(Api.key(token), Json.object(info.body()).getString("token"));
        assertEquals(200, second.get("/api/tap/tables?detail=min", "Authorization",
                Api.basic("x-oauth-basic", token)).statusCode(), "TOPCAT's way in, on the other server");
    }

    @Test
    void aTokenRevokedThroughOneServerIsRefusedByTheOtherWithinASecond() throws InterruptedException {
        Api.Session session = Api.login(Astronomer.USERNAME, "astronomer-demo");
        String token = Api.createToken(session, "cluster-revoke-" + System.nanoTime(), List.of("read:tap"), null);
        String tap = Api.basic("x-oauth-basic", token);
        // the second server now has the token in its verification cache, good for minutes unless told otherwise
        for (int i = 0; i < 3; i++) {
            assertEquals(200, second.get("/api/tap/tables?detail=min", "Authorization", tap).statusCode());
        }

        HttpResponse<String> revoked = Api.send("DELETE", "/users/" + Astronomer.USERNAME + "/tokens/"
                + Api.key(token), session, null);
        assertEquals(204, revoked.statusCode(), revoked.body());
        Instant revokedAt = Instant.now();

        int status = 200;
        Duration refusedAfter = null;
        while (Duration.between(revokedAt, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0) {
            status = second.get("/api/tap/tables?detail=min", "Authorization", tap).statusCode();
            if (status != 200) {
                refusedAfter = Duration.between(revokedAt, Instant.now());
                break;
            }
            Thread.sleep(20);
        }
        assertEquals(401, status, "the other server still accepts the revoked token after 5 s");
        assertTrue(refusedAfter.compareTo(Duration.ofSeconds(1)) <= 0,
                "refused by the other server after " + refusedAfter.toMillis() + " ms");
    }

    @Test
    void tokensExpireOnceAcrossTheCluster() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(Api.key(Astronomer.userToken(null, "read:tap")));
        }
        for (String key : keys) {
            TestDatabase.expire(key);
        }

        // both servers run the expiry job every 2 s (the test servers' sciplat.expiry.interval)
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (remaining(keys) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertEquals(0, remaining(keys), "expired tokens deleted by the expiry job");
        // a run that was still going when the tokens disappeared would write its rows now: give it time
        Thread.sleep(2_500);
        for (String key : keys) {
            assertEquals(1, expiries(key), "expire history rows of token " + key);
        }
    }

    private static int remaining(List<String> keys) throws SQLException {
        int remaining = 0;
        try (Connection db = TestDatabase.open();
                PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM token WHERE token_key = ?")) {
            for (String key : keys) {
                query.setString(1, key);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    remaining += result.getInt(1);
                }
            }
        }
        return remaining;
    }

    private static int expiries(String key) throws SQLException {
        try (Connection db = TestDatabase.open();
                PreparedStatement query = db.prepareStatement(
                        "SELECT COUNT(*) FROM token_change_history WHERE token_key = ? AND action = 'expire'")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
