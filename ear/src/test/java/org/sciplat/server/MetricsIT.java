package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Metrics;
import org.sciplat.it.Metrics.Scrape;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;
import org.sciplat.it.WebForm;

/**
 * Each metric an operator watches moves when the thing it counts happens, by as much as it happened, under the name
 * and labels /metrics gives it.
 */
class MetricsIT {

    private static final String AUTHENTICATIONS = "token_authentications_total";
    private static final String QUERIES = "tap_queries_seconds";
    /** A well-formed token that was never issued. */
    private static final String UNKNOWN_TOKEN = "gt-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void creatingAndRevokingAUserTokenAreCountedOnceEach() {
        Api.Session session = Api.login(Astronomer.USERNAME, "astronomer-demo");
        double created = Metrics.scrape().value("token_creations_total", "type=user");
        double revoked = Metrics.scrape().value("token_revocations_total", "type=user");

        String token = Api.createToken(session, "metrics-" + UUID.randomUUID(), List.of("read:tap"), null);
        assertEquals(created + 1, Metrics.scrape().value("token_creations_total", "type=user"));

        HttpResponse<String> revocation = Api.send("DELETE", "/users/astronomer/tokens/" + Api.key(token), session,
                null);
        assertEquals(204, revocation.statusCode(), revocation.body());
        assertEquals(revoked + 1, Metrics.scrape().value("token_revocations_total", "type=user"));
    }

    @Test
    void aLoginIsCountedAsASessionCreation() {
        double sessions = Metrics.scrape().value("token_creations_total", "type=session");

        Api.login(Astronomer.USERNAME, "astronomer-demo");

        assertEquals(sessions + 1, Metrics.scrape().value("token_creations_total", "type=session"));
    }

    @Test
    void theApiCountsEachAuthenticationByItsResult() {
        String token = Astronomer.userToken(null, "read:tap");
        Scrape before = Metrics.scrape();

        assertEquals(401, Astronomer.postForm("/auth/api/v1/login", "username=astronomer&password=wrong")
                .statusCode());
        assertEquals(401, Api.send("GET", "/token-info", (String) null, null).statusCode());
        assertEquals(401, Api.send("GET", "/token-info", Api.bearer(UNKNOWN_TOKEN), null).statusCode());
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode());

        Scrape after = Metrics.scrape();
        for (String result : List.of("invalid_credentials", "missing", "invalid_token", "success")) {
            assertEquals(count(before, "api", result) + 1, count(after, "api", result), result);
        }
    }

    @Test
    void theTapGatewayCountsEachAuthenticationByItsResult() {
        String token = TapService.token();
        String withoutTap = Astronomer.userToken(null, "read:image");
        Scrape before = Metrics.scrape();

        assertEquals(401, TapService.sync(Api.bearer(UNKNOWN_TOKEN), tablesQuery()).statusCode());
        assertEquals(401, TapService.sync(null, tablesQuery()).statusCode());
        assertEquals(403, TapService.sync(Api.bearer(withoutTap), tablesQuery()).statusCode());
        assertEquals(200, TapService.sync(Api.bearer(token), tablesQuery()).statusCode());

        Scrape after = Metrics.scrape();
        for (String result : List.of("invalid_token", "missing", "insufficient_scope", "success")) {
            assertEquals(count(before, "tap", result) + 1, count(after, "tap", result), result);
        }
    }

    @Test
    void theIngressCheckCountsEachAuthenticationByItsResult() {
        String token = Astronomer.userToken(null, "read:tap");
        Scrape before = Metrics.scrape();

        assertEquals(403, TestServer.get("/auth/ingress/auth?scope=read:image", "Authorization", Api.bearer(token))
                .statusCode());
        assertEquals(200, TestServer.get("/auth/ingress/auth?scope=read:tap", "Authorization", Api.bearer(token))
                .statusCode());

        Scrape after = Metrics.scrape();
        for (String result : List.of("insufficient_scope", "success")) {
            assertEquals(count(before, "ingress", result) + 1, count(after, "ingress", result), result);
        }
    }

    /**
     * Each made-up HTTP method (and Host) used to add a latency histogram of some 140 KB to Liberty's HTTP metrics:
     * a few hundred requests filled the heap.
     */
    @Test
    void requestsWithMadeUpMethodsAddNoMetricSeries() {
        String mark = "MADEUP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        for (int i = 0; i < 20; i++) {
            TestServer.send(HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + "/auth/api/v1/token-info"))
                    .method(mark + i, HttpRequest.BodyPublishers.noBody()).build());
        }
        assertFalse(Metrics.scrape().text().contains(mark), "a series per method");
    }

    @Test
    void theWebLoginFormCountsEachAuthenticationByItsResult() {
        Scrape before = Metrics.scrape();

        assertTrue(logInThroughTheForm("wrong-password").contains("login:password"), "the form again");
        assertFalse(logInThroughTheForm("astronomer-demo").contains("login:password"), "signed in");

        Scrape after = Metrics.scrape();
        for (String result : List.of("invalid_credentials", "success")) {
            assertEquals(count(before, "web", result) + 1, count(after, "web", result), result);
        }
    }

    @Test
    void aSynchronousQueryIsCountedAndTimed() {
        String token = TapService.token();
        assertEquals(200, TapService.sync(Api.bearer(token), tablesQuery()).statusCode());
        Scrape before = Metrics.scrape();

        assertEquals(200, TapService.sync(Api.bearer(token), tablesQuery()).statusCode());

        Scrape after = Metrics.scrape();
        String[] completedSync = {"mode=sync", "outcome=completed"};
        assertEquals(before.value(QUERIES + "_count", completedSync) + 1,
                after.value(QUERIES + "_count", completedSync));
        assertTrue(after.value(QUERIES + "_sum", completedSync) > before.value(QUERIES + "_sum", completedSync),
                "its duration was added");
    }

    @Test
    void anInvalidQueryIsCountedAsSuch() {
        String token = TapService.token();
        String[] invalidSync = {"mode=sync", "outcome=invalid"};
        double before = Metrics.scrape().find(QUERIES + "_count", invalidSync).orElse(0);

        assertEquals(400, TapService.sync(Api.bearer(token), Map.of("LANG", "ADQL", "QUERY",
                "SELECT * FROM no_such_table")).statusCode());

        assertEquals(before + 1, Metrics.scrape().value(QUERIES + "_count", invalidSync));
    }

    @Test
    void theCacheHitRatioIsTheShareOfVerificationsTheCacheAnswered() {
        String token = Astronomer.userToken(null, "read:tap");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, TestServer.get("/auth/ingress/auth?scope=read:tap", "Authorization",
                    Api.bearer(token)).statusCode());
        }

        Scrape scrape = Metrics.scrape();
        double hits = scrape.value("token_verification_cache_hits");
        double lookups = scrape.value("token_verification_database_lookups");
        assertTrue(hits >= 2, "the repeated verifications were answered by the cache");
        assertEquals(hits / (hits + lookups), scrape.value("token_verification_cache_hit_ratio"), 1e-9);
    }

    private static double count(Scrape scrape, String where, String result) {
        return scrape.value(AUTHENTICATIONS, "where=" + where, "result=" + result);
    }

    private static Map<String, String> tablesQuery() {
        return Map.of("LANG", "ADQL", "QUERY", "SELECT TOP 1 table_name FROM TAP_SCHEMA.tables",
                "RESPONSEFORMAT", "csv");
    }

    /** Submits the web UI's login form as a browser does; the page it ends on. */
    private static String logInThroughTheForm(String password) {
        return WebForm.logIn(WebForm.browser(), "astronomer", password).body();
    }
}
