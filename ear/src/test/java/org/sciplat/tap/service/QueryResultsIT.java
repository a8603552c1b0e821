package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/** What a synchronous query gives back: MAXREC and OVERFLOW, the formats, and the table metadata resources. */
@OnEveryDatabase
class QueryResultsIT {

    private static String bearer;

    @BeforeAll
    static void token() {
        bearer = Api.bearer(TapService.token());
    }

    @Test
    void maxrecCutsTheResultAndSaysSoAfterTheTable() {
        HttpResponse<String> cut = TapService.sync(bearer, Map.of("LANG", "ADQL", "MAXREC", "3",
                "QUERY", "SELECT cntr FROM wise_00.allwise_p3as_mep"));
        assertEquals(200, cut.statusCode());
        assertEquals(3, cut.body().split("<TR>", -1).length - 1, cut.body());
        assertTrue(cut.body().indexOf("value=\"OVERFLOW\"") > cut.body().indexOf("</TABLE>"), cut.body());

        HttpResponse<String> whole = TapService.sync(bearer, Map.of("LANG", "ADQL", "MAXREC", "10",
                "QUERY", "SELECT schema_name FROM TAP_SCHEMA.schemas"));
        assertFalse(whole.body().contains("OVERFLOW"), "three schemas fit in ten rows: " + whole.body());

        HttpResponse<String> metadataOnly = TapService.sync(bearer, Map.of("LANG", "ADQL", "MAXREC", "0",
                "QUERY", "SELECT ra, decl FROM wise_00.allwise_p3as_mep"));
        assertTrue(metadataOnly.body().contains("<FIELD") && !metadataOnly.body().contains("<TR>"),
                metadataOnly.body());
    }

    @Test
    void maxrecZeroDescribesTheResultWithoutRunningTheQuery() {
        // the logarithm of zero fails only when a row is computed
        String failsWhenRun = "SELECT LOG(decl - decl) AS nothing, source_id_mf FROM wise_00.allwise_p3as_mep";
        HttpResponse<String> run = TapService.sync(bearer, Map.of("LANG", "ADQL", "MAXREC", "1",
                "QUERY", failsWhenRun));
        assertEquals(400, run.statusCode(), run.body());
        HttpResponse<String> described = TapService.sync(bearer, Map.of("LANG", "ADQL", "MAXREC", "0",
                "QUERY", failsWhenRun));
        assertEquals(200, described.statusCode(), described.body());
        String body = described.body();
        assertTrue(body.contains("name=\"nothing\"") && body.contains("ucd=\"meta.id;meta.main\"")
                && !body.contains("<TR>") && !body.contains("OVERFLOW"), body);
    }

    @Test
    void tabSeparatedValuesHaveAHeaderAndOneLinePerRow() {
        HttpResponse<String> tsv = TapService.sync(bearer, Map.of("LANG", "ADQL", "RESPONSEFORMAT", "tsv",
                "QUERY", "SELECT schema_name, schema_index FROM TAP_SCHEMA.schemas ORDER BY schema_index"));
        assertEquals(200, tsv.statusCode());
        assertTrue(tsv.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
        assertEquals("schema_name\tschema_index\r\ntap_schema\t0\r\nwise_00\t1\r\nivoa\t2\r\n", tsv.body());
    }

    @Test
    void anUnknownFormatOrLanguageIsAClearError() {
        HttpResponse<String> format = TapService.sync(bearer, Map.of("LANG", "ADQL", "RESPONSEFORMAT", "fits",
                "QUERY", "SELECT schema_name FROM TAP_SCHEMA.schemas"));
        assertEquals(400, format.statusCode());
        assertTrue(format.body().contains("RESPONSEFORMAT &apos;fits&apos; is not supported"), format.body());
        HttpResponse<String> lang = TapService.sync(bearer, Map.of("LANG", "PQL", "QUERY", "x"));
        assertEquals(400, lang.statusCode());
        assertTrue(lang.body().contains("LANG &apos;PQL&apos; is not supported"), lang.body());
    }

    @Test
    void tablesComeWithOrWithoutColumnsAndOneByOne() {
        HttpResponse<String> min = TestServer.get("/api/tap/tables?detail=min", "Authorization", bearer);
        assertTrue(min.body().contains("<name>wise_00.allwise_p3as_mep</name>"), min.body());
        assertFalse(min.body().contains("<column"), min.body());

        HttpResponse<String> one = TestServer.get("/api/tap/tables/wise_00.allwise_p3as_mep", "Authorization",
                bearer);
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("<vosi:table") && one.body().contains("<name>decl</name>"), one.body());

        HttpResponse<String> unknown = TestServer.get("/api/tap/tables/public.token", "Authorization", bearer);
        assertEquals(404, unknown.statusCode());
    }
}
