package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * TAP_UPLOAD over HTTP: a multipart query or job with its table, declared in the capabilities; refused with a VOTable
 * error document that says why when the table is too large, malformed or from a URL; never without a token.
 */
class UploadIT {

    private static String bearer;

    @BeforeAll
    static void token() {
        bearer = Api.bearer(TapService.token());
    }

    @Test
    void aMultipartQueryReadsItsUploadedTable() {
        HttpResponse<String> response = multipart("/sync", bearer, "mine,param:table", votable(3, "ra"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("n\r\n3\r\n", response.body());
    }

    @Test
    void uploadsAreDeclaredInTheCapabilities() {
        String capabilities = TestServer.get("/api/tap/capabilities").body();
        assertTrue(capabilities.contains("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>")
                && capabilities.contains("<uploadLimit><default unit=\"row\">100000</default>")
                && capabilities.contains("#upload-https\"") && capabilities.contains("allows (none)"), capabilities);
    }

    @Test
    void refusedUploadsSayWhy() {
        Map<String, String> refusals = Map.of(
                "mine,http://127.0.0.1:9389/table.xml", "not from URLs",
                "mine,param:absent", "no part named absent",
                "a,param:table;a,param:table", "names table a twice",
                "mine,param:table;b,param:table;c,param:table;d,param:table;e,param:table", "at most 4 tables");
        refusals.forEach((upload, reason) -> {
            HttpResponse<String> response = multipart("/sync", bearer, upload, votable(1, "ra"));
            assertEquals(400, response.statusCode(), upload);
            assertTrue(response.body().contains("QUERY_STATUS") && response.body().contains(reason),
                    response.body());
        });
        HttpResponse<String> badColumn = multipart("/sync", bearer, "mine,param:table", votable(1, "r;a"));
        assertEquals(400, badColumn.statusCode(), badColumn.body());
        assertTrue(badColumn.body().contains("not an ADQL identifier"), badColumn.body());
        HttpResponse<String> doctype = multipart("/sync", bearer, "mine,param:table",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + votable(1, "ra")
                        .substring(votable(1, "ra").indexOf("<VOTABLE")));
        assertEquals(400, doctype.statusCode(), doctype.body());
        assertTrue(doctype.body().contains("DOCTYPE") && !doctype.body().contains("root:"), doctype.body());
        HttpResponse<String> async = multipart("/async", bearer, "mine,param:table", votable(1, "r;a"));
        assertEquals(400, async.statusCode(), async.body());
        assertTrue(async.body().contains("not an ADQL identifier"), "a job's upload is checked as it is created: "
                + async.body());
    }

    @Test
    void anAsynchronousJobQueriesTheTableItUploadedAndForgetsItOnceRun() throws SQLException {
        HttpResponse<String> created = TapService.multipart("/async", bearer, Map.of("LANG", "ADQL",
                "RESPONSEFORMAT", "csv", "UPLOAD", "mine,param:table", "PHASE", "RUN", "QUERY",
                "SELECT COUNT(*) AS n, MIN(u.ra) AS low\nFROM TAP_UPLOAD.mine AS u"), "table", votable(4, "ra"));
        assertEquals(303, created.statusCode(), created.body());
        String path = created.headers().firstValue("Location").orElseThrow().substring(TestServer.BASE_URL.length());

        HttpResponse<String> job = TestServer.get(path + "?WAIT=30&PHASE=EXECUTING", "Authorization", bearer);
        for (int i = 0; i < 30 && !job.body().contains("COMPLETED") && !job.body().contains("ERROR"); i++) {
            job = TestServer.get(path + "?WAIT=2", "Authorization", bearer);
        }
        assertTrue(job.body().contains("<uws:phase>COMPLETED</uws:phase>"), job.body());
        assertTrue(job.body().contains("mine,param:table"), "UPLOAD is one of the job's parameters: " + job.body());
        assertEquals("n,low\r\n4,192.85\r\n", TestServer.get(path + "/results/result", "Authorization", bearer)
                .body());
        try (Connection db = TestDatabase.open();
             PreparedStatement kept = db.prepareStatement("SELECT COUNT(*) FROM uws_job_upload WHERE job_id = ?")) {
            kept.setString(1, path.substring(path.lastIndexOf('/') + 1));
            try (ResultSet count = kept.executeQuery()) {
                count.next();
                assertEquals(0, count.getInt(1), "the job's uploaded table is not kept once it has run");
            }
        }
        HttpResponse<String> change = TapService.multipart(path.substring(path.indexOf("/async")), bearer,
                Map.of("UPLOAD", "mine,param:table"), "table", votable(1, "ra"));
        assertEquals(400, change.statusCode(), change.body());
        assertTrue(change.body().contains("when the job is created"), change.body());
    }

    @Test
    void anUploadWithoutATokenIsNotRead() {
        HttpResponse<String> response = multipart("/sync", null, "mine,param:table", votable(1, "ra"));
        assertEquals(401, response.statusCode());
    }

    @Test
    void aMultipartBodyCutShortIsRefusedWithAnErrorDocument() {
        String cut = "--cut\r\nContent-Disposition: form-data; name=\"QUERY\"\r\n\r\nSELECT 1\r\n--cut\r\n"
                + "Content-Disposition: form-data; name=\"LANG\"\r\n\r\nADQL\r\n--cut\r\nContent-Disposition: "
                + "form-data; name=\"table\"; filename=\"t.xml\"\r\n\r\n<VOTABLE>";
        for (String path : new String[] {"/sync", "/async"}) {
            HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(URI.create(TapService.URL + path))
                    .header("Content-Type", "multipart/form-data; boundary=cut")
                    .header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(cut)).build());
            assertEquals(400, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("cut short or malformed"), path + ": " + response.body());
        }
    }

    private static String votable(int rows, String raName) {
        StringBuilder table = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.3\" xmlns="
                + "\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE><FIELD name=\"" + raName + "\""
                + " datatype=\"double\"/><FIELD name=\"dec\" datatype=\"double\"/><DATA><TABLEDATA>");
        for (int i = 0; i < rows; i++) {
            table.append("<TR><TD>").append(192.85 + i * 0.01).append("</TD><TD>27.13</TD></TR>");
        }
        return table.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n").toString();
    }

    /** The query on two lines, as TOPCAT sends what its user typed (Open Liberty's parameters lost the break). */
    private static HttpResponse<String> multipart(String path, String authorization, String upload, String table) {
        return TapService.multipart(path, authorization, Map.of("LANG", "ADQL", "RESPONSEFORMAT", "csv", "UPLOAD",
                upload, "QUERY", "SELECT COUNT(*) AS n\nFROM TAP_UPLOAD.mine"), "table", table);
    }
}
