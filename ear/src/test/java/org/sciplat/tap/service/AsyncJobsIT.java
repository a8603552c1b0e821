package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/** UWS jobs belong to the user behind the token, and a query stops at its execution duration. */
@OnEveryDatabase
class AsyncJobsIT {

    private static String astronomer;
    private static String observer;

    @BeforeAll
    static void twoUsers() {
        astronomer = TapService.token();
        observer = Api.createToken(Api.login("observer", "observer-demo"), "observer-tap-" + System.nanoTime(),
                java.util.List.of("read:tap"), null);
    }

    @Test
    void aJobIsItsOwnersAlone() {
        HttpResponse<String> created = TapService.post(astronomer, "/async", "LANG=ADQL&QUERY="
                + encode("SELECT TOP 5 ra, decl FROM wise_00.allwise_p3as_mep") + "&PHASE=RUN");
        assertEquals(303, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(TapService.URL + "/async/"), "an absolute job URL: " + location);
        String path = location.substring(TestServer.BASE_URL.length());

        HttpResponse<String> job = finished(path, 30);
        assertEquals(200, job.statusCode());
        assertTrue(job.body().contains("<uws:phase>COMPLETED</uws:phase>"), job.body());
        assertTrue(job.body().contains("<uws:ownerId>" + Astronomer.USERNAME + "</uws:ownerId>"), job.body());

        assertEquals(404, TestServer.get(path, "Authorization", Api.bearer(observer)).statusCode());
        assertEquals(404, TestServer.get(path + "/results/result", "Authorization", Api.bearer(observer))
                .statusCode());
        assertEquals(404, TapService.post(observer, path, "ACTION=DELETE").statusCode());
        assertTrue(!TestServer.get("/api/tap/async", "Authorization", Api.bearer(observer)).body()
                .contains(path.substring(path.lastIndexOf('/') + 1)), "the observer's job list lacks it");

        HttpResponse<String> result = TestServer.get(path + "/results/result", "Authorization",
                Api.bearer(astronomer));
        assertEquals(200, result.statusCode());
        assertTrue(result.body().contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"), result.body());

        HttpResponse<String> deleted = TapService.post(astronomer, path, "ACTION=DELETE");
        assertEquals(303, deleted.statusCode());
        assertEquals(404, TestServer.get(path, "Authorization", Api.bearer(astronomer)).statusCode());
    }

    @Test
    void aQueryLongerThanItsExecutionDurationIsStopped() {
        String endless = "SELECT COUNT(*) FROM wise_00.allwise_p3as_mep AS a, wise_00.allwise_p3as_mep AS b"
                + " WHERE a.ra + b.ra > 1000";
        HttpResponse<String> created = TapService.post(astronomer, "/async",
                "LANG=ADQL&EXECUTIONDURATION=2&PHASE=RUN&QUERY=" + encode(endless));
        String path = created.headers().firstValue("Location").orElseThrow().substring(TestServer.BASE_URL.length());

        HttpResponse<String> job = finished(path, 40);

        assertTrue(job.body().contains("<uws:phase>ERROR</uws:phase>"), job.body());
        assertTrue(job.body().contains("execution duration of 2 s"), job.body());
        HttpResponse<String> error = TestServer.get(path + "/error", "Authorization", Api.bearer(astronomer));
        assertTrue(error.body().contains("QUERY_STATUS\" value=\"ERROR\""), error.body());
    }

    @Test
    void abortingARunningQueryLeavesTheServiceAndTheTokenDatabaseWorking() throws InterruptedException,
            SQLException {
        String path = endless("1001.5");

        assertEquals(303, TapService.post(astronomer, path + "/phase", "PHASE=ABORT").statusCode());

        HttpResponse<String> job = TestServer.get(path, "Authorization", Api.bearer(astronomer));
        assertTrue(job.body().contains("<uws:phase>ABORTED</uws:phase>"), job.body());
        assertStops("1001.5");
        String fresh = TapService.token();
        HttpResponse<String> count = TapService.sync(Api.bearer(fresh), java.util.Map.of("LANG", "ADQL",
                "QUERY", "SELECT COUNT(*) FROM TAP_SCHEMA.schemas", "RESPONSEFORMAT", "csv"));
        assertEquals(200, count.statusCode(), "the database still answers: " + count.body());
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(fresh), null).statusCode());
    }

    /** Another server on the database aborts or deletes a job by its row; the running server stops the query. */
    @Test
    void anAbortOrDeleteByAnotherServerStopsTheRunningQueryWithinASecond() throws InterruptedException,
            SQLException {
        String aborted = endless("1002.5");
        String deleted = endless("1003.5");

        try (Connection db = TestDatabase.open();
                PreparedStatement abort = db.prepareStatement("UPDATE uws_job SET phase = 'ABORTED' WHERE job_id = ?");
                PreparedStatement delete = db.prepareStatement("DELETE FROM uws_job WHERE job_id = ?")) {
            abort.setString(1, aborted.substring(aborted.lastIndexOf('/') + 1));
            assertEquals(1, abort.executeUpdate());
            delete.setString(1, deleted.substring(deleted.lastIndexOf('/') + 1));
            assertEquals(1, delete.executeUpdate());
        }

        assertStops("1002.5");
        assertStops("1003.5");
        assertTrue(TestServer.get(aborted, "Authorization", Api.bearer(astronomer)).body()
                .contains("<uws:phase>ABORTED</uws:phase>"));
        assertEquals(404, TestServer.get(deleted, "Authorization", Api.bearer(astronomer)).statusCode());
    }

    @Test
    void waitReturnsAtOnceWhenTheJobIsNotInTheGivenPhase() {
        HttpResponse<String> created = TapService.post(astronomer, "/async", "LANG=ADQL&QUERY="
                + encode("SELECT TOP 1 ra FROM wise_00.allwise_p3as_mep"));
        String path = created.headers().firstValue("Location").orElseThrow().substring(TestServer.BASE_URL.length());
        long start = System.nanoTime();
        HttpResponse<String> job = TestServer.get(path + "?WAIT=20&PHASE=EXECUTING", "Authorization",
                Api.bearer(astronomer));
        assertTrue(job.body().contains("<uws:phase>PENDING</uws:phase>"), job.body());
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "a PENDING job is not waited on for EXECUTING");

        assertEquals(303, TapService.post(astronomer, path + "/executionduration", "EXECUTIONDURATION=30")
                .statusCode());
        assertEquals("30", TestServer.get(path + "/executionduration", "Authorization", Api.bearer(astronomer))
                .body());
        assertEquals(303, TapService.post(astronomer, path + "/destruction", "DESTRUCTION=2030-01-01T00:00:00Z")
                .statusCode());
        assertTrue(TestServer.get(path + "/destruction", "Authorization", Api.bearer(astronomer)).body()
                .matches("20\\d\\d-.*Z"), "a destruction time within the service's retention");
    }

    /** A job whose query never ends by itself, marked by the number in it, once it runs in the database. */
    private static String endless(String marker) throws SQLException, InterruptedException {
        HttpResponse<String> created = TapService.post(astronomer, "/async", "LANG=ADQL&PHASE=RUN&QUERY="
                + encode("SELECT COUNT(*) FROM wise_00.allwise_p3as_mep AS a, wise_00.allwise_p3as_mep AS b"
                        + " WHERE a.ra - b.ra > " + marker));
        String path = created.headers().firstValue("Location").orElseThrow().substring(TestServer.BASE_URL.length());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (TestDatabase.runningStatements(marker) == 0) {
            assertTrue(System.nanoTime() < deadline, "the query with " + marker + " never ran");
            Thread.sleep(100);
        }
        return path;
    }

    /** The statement with the marker stops running in the database within a second and a half. */
    private static void assertStops(String marker) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 1_500_000_000L;
        while (TestDatabase.runningStatements(marker) > 0) {
            assertTrue(System.nanoTime() < deadline, "the query with " + marker + " still runs");
            Thread.sleep(100);
        }
    }

    /**
     * The job once it has left QUEUED and EXECUTING: a WAIT returns at the first change of phase, which may be only
     * QUEUED to EXECUTING, so each is waited out in turn.
     */
    private static HttpResponse<String> finished(String path, int seconds) {
        TestServer.get(path + "?WAIT=" + seconds + "&PHASE=QUEUED", "Authorization", Api.bearer(astronomer));
        return TestServer.get(path + "?WAIT=" + seconds + "&PHASE=EXECUTING", "Authorization", Api.bearer(astronomer));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
