package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/**
 * UWS jobs live in the database, not in the server's memory: a finished job and its result are there after a
 * restart, and a job that was running when the server stopped says so instead of staying EXECUTING.
 */
class JobsSurviveRestartIT {

    @Test
    void aFinishedJobKeepsItsResultAcrossARestartAndARunningOneEndsInAnError() {
        String token = TapService.token();
        String finished = job(token, "SELECT TOP 2000 cntr, ra, decl FROM wise_00.allwise_p3as_mep ORDER BY cntr",
                "&RESPONSEFORMAT=csv");
        HttpResponse<String> completed = TestServer.get(finished + "?WAIT=60", "Authorization", Api.bearer(token));
        assertTrue(completed.body().contains("<uws:phase>COMPLETED</uws:phase>"), completed.body());
        HttpResponse<String> before = result(token, finished);
        assertEquals(200, before.statusCode(), before.body());
        String running = job(token, "SELECT COUNT(*) FROM wise_00.allwise_p3as_mep AS a, wise_00.allwise_p3as_mep AS b"
                + " WHERE a.ra * b.ra < -1", "");
        TestServer.get(running + "?WAIT=10&PHASE=QUEUED", "Authorization", Api.bearer(token));

        TestServer.stop();
        TestServer.start();

        HttpResponse<String> after = result(token, finished);
        assertEquals(200, after.statusCode(), after.body());
        assertEquals("text/csv", after.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(2001, after.body().lines().count(), "the header and 2,000 rows");
        assertEquals(before.body(), after.body());
        HttpResponse<String> lost = TestServer.get(running, "Authorization", Api.bearer(token));
        assertTrue(lost.body().contains("<uws:phase>ERROR</uws:phase>"), lost.body());
        assertTrue(lost.body().contains("stopped; run it again"), lost.body());

        assertEquals(303, TapService.post(token, finished, "ACTION=DELETE").statusCode());
        assertEquals(303, TapService.post(token, running, "ACTION=DELETE").statusCode());
    }

    /** A job running the query, as a path below the server. */
    private static String job(String token, String adql, String more) {
        HttpResponse<String> created = TapService.post(token, "/async", "LANG=ADQL&PHASE=RUN&QUERY="
                + URLEncoder.encode(adql, StandardCharsets.UTF_8) + more);
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow().substring(TestServer.BASE_URL.length());
    }

    private static HttpResponse<String> result(String token, String job) {
        return TestServer.get(job + "/results/result", "Authorization", Api.bearer(token));
    }
}
