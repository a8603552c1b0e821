package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/**
 * ivoa.obscore over the demo archive's images: its data model declared in the capabilities, its columns in
 * TAP_SCHEMA with ObsCore 1.1's utypes and UCDs, and an astronomer's query for the exposures of the demo cone
 * finds one per orbit and band of each visit its sources were measured in. taplint's ObsCore stage runs in StiltsIT.
 */
class ObsCoreIT {

    private static String bearer;

    @BeforeAll
    static void token() {
        TapService.awaitAvailable();
        bearer = Api.bearer(TapService.token());
    }

    @Test
    void theCapabilitiesDeclareTheObsCoreDataModel() {
        String capabilities = TestServer.get("/api/tap/capabilities").body();
        assertTrue(capabilities.contains("<dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">"),
                capabilities);
    }

    @Test
    void tapSchemaDescribesEveryMandatoryColumnWithItsUtype() {
        List<String> rows = csv("SELECT column_name, utype, ucd, unit FROM TAP_SCHEMA.columns"
                + " WHERE table_name = 'ivoa.obscore' ORDER BY column_index");
        assertEquals(30, rows.size(), rows.toString());
        assertEquals("dataproduct_type,obscore:ObsDataset.dataProductType,meta.code.class,", rows.get(0));
        assertTrue(rows.contains("t_min,obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime,"
                + "time.start;obs.exposure,d"), rows.toString());
        assertTrue(rows.contains("em_max,obscore:Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit,em.wl;stat.max,m"),
                rows.toString());
    }

    @Test
    void theDemoConesExposuresAreFoundByPositionTimeAndBand() {
        List<String> rows = csv("SELECT COUNT(*) AS n, MIN(em_min) AS shortest FROM ivoa.obscore"
                + " WHERE CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 192.85, 27.13, 0.3)) = 1"
                + " AND calib_level = 2 AND t_min BETWEEN 55360 AND 55361");
        assertEquals(List.of("52,2.754E-6"), rows, "13 orbits in the first visit, 4 bands each, from W1 on");
        List<String> atlas = csv("SELECT obs_id, s_region FROM ivoa.obscore WHERE obs_collection = 'AllWISE Atlas'"
                + " AND em_min < 3E-6");
        assertEquals(1, atlas.size(), atlas.toString());
        assertTrue(atlas.get(0).startsWith("1928p271_ac51,Polygon ICRS "), atlas.toString());
    }

    private static List<String> csv(String adql) {
        HttpResponse<String> response = TapService.sync(bearer, Map.of("LANG", "ADQL", "QUERY", adql,
                "RESPONSEFORMAT", "csv"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().skip(1).filter(line -> !line.isBlank()).toList();
    }
}
