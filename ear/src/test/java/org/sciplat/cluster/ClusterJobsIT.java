package org.sciplat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sciplat.it.Api;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/** An async TAP job lives in the database: whichever server a client's next request reaches knows it. */
@EnabledIfSystemProperty(named = "it.second.base.url", matches = ".+")
class ClusterJobsIT {

    private final TestServer.Instance first = TestServer.FIRST;
    private final TestServer.Instance second = TestServer.second();
    private final String token = TapService.token();

    @Test
    void aJobStartedOnOneServerIsFollowedReadAndDeletedOnTheOther() throws Exception {
        String path = create(first, "LANG=ADQL&RESPONSEFORMAT=csv&PHASE=RUN&QUERY=" + encode(TapService.CONE));

        HttpResponse<String> job = second.get(path + "?WAIT=60", "Authorization", Api.bearer(token));
        assertEquals(200, job.statusCode(), job.body());
        assertTrue(job.body().contains("<uws:phase>COMPLETED</uws:phase>"), job.body());
        assertTrue(second.get("/api/tap/async", "Authorization", Api.bearer(token)).body()
                .contains(path.substring(path.lastIndexOf('/') + 1)), "the other server's job list has it");

        HttpResponse<String> result = second.get(path + "/results/result", "Authorization", Api.bearer(token));
        assertEquals(200, result.statusCode(), result.body());
        assertEquals(TapService.coneByBruteForce(), TapService.normalisedCsvRows(result.body().lines().toList()),
                "the result read through the other server is the cone's rows");

        assertEquals(303, post(second, path, "ACTION=DELETE").statusCode());
        assertEquals(404, first.get(path, "Authorization", Api.bearer(token)).statusCode(),
                "deleted through one server, gone from the other");
    }

    @Test
    void aQueryRunningOnOneServerIsAbortedThroughTheOther() throws Exception {
        String endless = "SELECT COUNT(*) FROM wise_00.allwise_p3as_mep AS a, wise_00.allwise_p3as_mep AS b"
                + " WHERE a.ra - b.ra > 1000";
        String path = create(first, "LANG=ADQL&PHASE=RUN&QUERY=" + encode(endless));
        HttpResponse<String> executing = second.get(path + "?WAIT=10&PHASE=QUEUED", "Authorization",
                Api.bearer(token));
        assertTrue(executing.body().contains("<uws:phase>EXECUTING</uws:phase>"), executing.body());

        assertEquals(303, post(second, path + "/phase", "PHASE=ABORT").statusCode());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String phase = "";
        while (Instant.now().isBefore(deadline) && !phase.contains("ABORTED")) {
            phase = first.get(path + "/phase", "Authorization", Api.bearer(token)).body();
            Thread.sleep(200);
        }
        assertEquals("ABORTED", phase.strip(), "the phase the server running it reports");
        assertEquals(0, runningInTheDatabase(), "the aborted query still runs in the database");
        HttpResponse<String> count = TapService.sync(Api.bearer(token), Map.of("LANG", "ADQL",
                "QUERY", "SELECT COUNT(*) FROM TAP_SCHEMA.schemas", "RESPONSEFORMAT", "csv"));
        assertEquals(200, count.statusCode(), "the server that ran the aborted query still answers: " + count.body());
    }

    /** Whether the endless query (its join condition as the service writes it) still runs, after up to 5 s. */
    private static int runningInTheDatabase() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        int running;
        do {
            Thread.sleep(250);
            running = TestDatabase.runningStatements("- \"t2\".\"ra\") > 1000");
        } while (running > 0 && Instant.now().isBefore(deadline));
        return running;
    }

    /** Creates a job through this server; returns its path, the same on every server. */
    private String create(TestServer.Instance server, String form) {
        HttpResponse<String> created = post(server, "/api/tap/async", form);
        assertEquals(303, created.statusCode(), created.body());
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private HttpResponse<String> post(TestServer.Instance server, String path, String form) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", Api.bearer(token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
