package org.sciplat.tap.service.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.tap.service.adql.AdqlException;
import org.sciplat.tap.service.adql.AdqlFixture;
import org.sciplat.tap.service.adql.AdqlTranslator;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.demo.SyntheticSample;
import org.sciplat.tap.service.migration.TapDatabase;
import org.sciplat.tap.service.sky.SkyPoints;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * A VOTable uploaded with a query is a table that query alone can read as TAP_UPLOAD.name, cross-matched with the
 * demo table exactly as a brute-force great-circle match finds; oversized, malformed or hostile uploads are refused
 * with a reason, and the table is gone after the query.
 */
class UploadsTest {

    private static final SyntheticSample SAMPLE = new SyntheticSample(20_000);
    private static final UploadLimits LIMITS = new UploadLimits(1_000, 5, 2, 200_000, " ");

    private static DataSource database;
    private static Catalogue catalogue;
    private static Uploads uploads;
    private static AdqlTranslator translator;
    private static ExecutorService parsing;

    @BeforeAll
    static void demoTable() throws SQLException {
        database = TapDatabase.migrated("uploads");
        catalogue = AdqlFixture.demo(database, SAMPLE);
        uploads = new Uploads(catalogue, LIMITS, database);
        parsing = Executors.newCachedThreadPool();
        translator = new AdqlTranslator(catalogue, parsing);
    }

    @AfterAll
    static void stopParsing() {
        parsing.shutdownNow();
    }

    @Test
    void anUploadedCatalogueCrossMatchesExactlyAsABruteForceMatch() throws Exception {
        List<double[]> catalogue = catalogue(300);
        double radius = 0.002;
        Set<String> expected = new TreeSet<>();
        SAMPLE.generate(e -> {
            for (int i = 0; i < catalogue.size(); i++) {
                if (SkyPoints.greatCircle(catalogue.get(i)[0], catalogue.get(i)[1], e.ra(), e.decl()) <= radius) {
                    expected.add(i + ":" + e.cntr());
                }
            }
        });
        assertTrue(expected.size() > 100, "the catalogue matches the demo table: " + expected.size());
        Set<String> found = new TreeSet<>();
        String physical;
        try (UploadedTables uploaded = uploads.load("mine,param:cat", part(votable(catalogue)))) {
            physical = uploaded.tables().get(0).physicalName();
            String sql = translator.translate("SELECT u.id, t.cntr FROM TAP_UPLOAD.mine AS u JOIN"
                    + " wise_00.allwise_p3as_mep AS t ON CONTAINS(POINT('ICRS', u.ra, u.dec), CIRCLE('ICRS', t.ra,"
                    + " t.decl, " + radius + ")) = 1", Long.MAX_VALUE, uploaded.tables()).sql();
            read(sql, r -> found.add(r.getInt(1) + ":" + r.getLong(2)));
        }
        assertEquals(expected, found);
        SQLException gone = assertThrows(SQLException.class, () -> read("SELECT * FROM " + physical, r -> { }));
        assertTrue(gone.getMessage().contains("not found"), gone.getMessage());
    }

    @Test
    void anUploadedTableIsVisibleOnlyToItsOwnQuery() throws Exception {
        try (UploadedTables uploaded = uploads.load("mine,param:cat", part(votable(catalogue(3))))) {
            assertEquals(1, uploaded.tables().size());
            assertThrows(AdqlException.class, () -> translator.translate("SELECT * FROM TAP_UPLOAD.mine", 10));
        }
    }

    @Test
    void tooLargeMalformedOrHostileUploadsAreRefusedWithAReason() throws Exception {
        List<String> refusals = new ArrayList<>();
        for (var attempt : List.<UploadAttempt>of(
                () -> uploads.load("mine,param:cat", part(votable(catalogue(1_001)))),
                () -> uploads.load("a,param:x;b,param:y;c,param:z", part(votable(catalogue(1)))),
                () -> uploads.load("mine,param:missing", name -> Optional.empty()),
                () -> uploads.load("mine,http://127.0.0.1:9389/cat.xml", part(votable(catalogue(1)))),
                () -> uploads.load("1bad,param:cat", part(votable(catalogue(1)))),
                () -> uploads.load("mine,param:cat", part("<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM"
                        + " \"file:///etc/passwd\">]><VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\""
                        + " arraysize=\"*\"/><DATA><TABLEDATA><TR><TD>&x;</TD></TR></TABLEDATA></DATA></TABLE>"
                        + "</RESOURCE></VOTABLE>")),
                () -> uploads.load("mine,param:cat", part("not a table at all")),
                () -> uploads.load("mine,param:cat", part(new String(votable(catalogue(1)), StandardCharsets.UTF_8)
                        .replace("name=\"ra\"", "name=\"r a\""))))) {
            UploadRefusedException refused = assertThrows(UploadRefusedException.class, attempt::run);
            refusals.add(refused.getMessage());
        }
        assertTrue(refusals.get(0).contains("more than 1000 rows"), refusals.get(0));
        assertTrue(refusals.get(1).contains("at most 2 tables"), refusals.get(1));
        assertTrue(refusals.get(2).contains("no part named missing"), refusals.get(2));
        assertTrue(refusals.get(3).contains("not from URLs"), refusals.get(3));
        assertTrue(refusals.get(5).contains("DOCTYPE"), refusals.get(5));
        assertTrue(refusals.get(7).contains("not an ADQL identifier"), refusals.get(7));
        try (Connection connection = database.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "TAP_UPLOAD", "%", null)) {
            assertTrue(!tables.next(), "no refused upload left a table behind");
        }
    }

    @Test
    void aUrlUploadIsReadOnlyFromAnAllowedHostAndNeverThroughARedirect() throws Exception {
        int port = Integer.getInteger("it.upload.url.port", 9386);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] table = votable(catalogue(5));
        server.createContext("/table.xml", exchange -> {
            exchange.sendResponseHeaders(200, table.length);
            exchange.getResponseBody().write(table);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/table.xml");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            Uploads allowing = new Uploads(catalogue, new UploadLimits(1_000, 5, 2, 200_000, "127.0.0.1"),
                    database);
            try (UploadedTables uploaded = allowing.load("mine,http://127.0.0.1:" + port + "/table.xml",
                    name -> Optional.empty())) {
                assertEquals(List.of("id", "ra", "dec"), uploaded.tables().get(0).table().columns().stream()
                        .map(c -> c.name()).toList());
            }
            UploadRefusedException redirected = assertThrows(UploadRefusedException.class, () -> allowing.load(
                    "mine,http://127.0.0.1:" + port + "/moved", name -> Optional.empty()));
            assertTrue(redirected.getMessage().contains("HTTP 302"), redirected.getMessage());
            UploadRefusedException elsewhere = assertThrows(UploadRefusedException.class, () -> allowing.load(
                    "mine,http://localhost:" + port + "/table.xml", name -> Optional.empty()));
            assertTrue(elsewhere.getMessage().contains("from the hosts 127.0.0.1"), elsewhere.getMessage());
        } finally {
            server.stop(0);
        }
    }

    private interface UploadAttempt {
        void run() throws Exception;
    }

    /** Positions near rows of the demo table (some exactly on them, some off) and elsewhere. */
    private static List<double[]> catalogue(int rows) {
        List<double[]> positions = new ArrayList<>();
        Random random = new Random(rows);
        List<double[]> sources = new ArrayList<>();
        SAMPLE.generate(e -> {
            if (e.cntr() % 97 == 0) {
                sources.add(new double[] {e.ra(), e.decl()});
            }
        });
        for (int i = 0; i < rows; i++) {
            double[] s = sources.get(random.nextInt(sources.size()));
            positions.add(i % 3 == 2 ? SkyPoints.anywhere(random)
                    : new double[] {s[0] + (random.nextDouble() - 0.5) * 0.004, s[1] + (random.nextDouble() - 0.5)
                            * 0.004});
        }
        return positions;
    }

    static byte[] votable(List<double[]> positions) throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("id", Integer.class, null),
            new ColumnInfo("ra", Double.class, null), new ColumnInfo("dec", Double.class, null)});
        for (int i = 0; i < positions.size(); i++) {
            table.addRow(new Object[] {i, positions.get(i)[0], positions.get(i)[1]});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V13).writeStarTable(table, out);
        return out.toByteArray();
    }

    private static Uploads.Parts part(byte[] bytes) {
        return name -> name.equals("cat") ? Optional.of(new ByteArrayInputStream(bytes)) : Optional.empty();
    }

    private static Uploads.Parts part(String text) {
        return part(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void read(String sql, AdqlFixture.RowReader reader) throws SQLException {
        AdqlFixture.read(database, sql, reader);
    }
}
