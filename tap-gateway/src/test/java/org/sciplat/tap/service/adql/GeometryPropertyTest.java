package org.sciplat.tap.service.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.tap.service.catalogue.SkyIndex;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapTable;
import org.sciplat.tap.service.migration.TapDatabase;
import org.sciplat.tap.service.sky.SkyCells;
import org.sciplat.tap.service.sky.SkyPoints;

/**
 * Cones, boxes and polygons, as ADQL on H2, find exactly the points a brute-force test in Java finds, on random
 * shapes crowding RA 0/360 and the poles: through the cell index (a table with a sky index, shapes of numbers) and
 * without it (a table without one, or a shape with computed parameters).
 */
class GeometryPropertyTest {

    private static final TapSchema SCHEMA = new TapSchema("geo", "Random points for the geometry's tests");
    private static final List<TapColumn> COLUMNS = List.of(TapColumn.of("id", "int"),
            TapColumn.of("ra", "double"), TapColumn.of("decl", "double"));
    private static final TapTable INDEXED = new TapTable("geo", "indexed", "points with a sky index", COLUMNS,
            List.of(), new SkyIndex("ra", "decl", "sky_cell"));
    private static final TapTable PLAIN = new TapTable("geo", "plain", "the same points without one", COLUMNS,
            List.of());

    private static DataSource database;
    private static ExecutorService parsing;
    private static AdqlTranslator translator;

    @BeforeAll
    static void tables() throws SQLException {
        database = TapDatabase.migrated("geometry-properties");
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA geo");
            for (String table : List.of("indexed", "plain")) {
                statement.execute("CREATE TABLE geo." + table + " (id INTEGER PRIMARY KEY, ra DOUBLE PRECISION,"
                        + " decl DOUBLE PRECISION, sky_cell INTEGER)");
            }
            statement.execute("CREATE INDEX geo_indexed_cell ON geo.indexed (sky_cell)");
        }
        parsing = Executors.newCachedThreadPool();
        translator = AdqlFixture.translator(database, parsing, SCHEMA, List.of(INDEXED, PLAIN));
    }

    @AfterAll
    static void stopParsing() {
        parsing.shutdownNow();
    }

    @Test
    void conesFindExactlyThePointsWithinTheirRadius() {
        qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            double[] c = SkyPoints.centre(random);
            double r = Math.pow(10, -2.5 + 3.5 * random.nextDouble());
            List<double[]> points = fill(random, c, r * 1.3);
            BiPredicate<Double, Double> inside = (ra, dec) -> SkyPoints.greatCircle(ra, dec, c[0], c[1]) <= r;
            String circle = String.format(Locale.ROOT, "CIRCLE('ICRS', %s, %s, %s)", c[0], c[1], r);
            String computed = String.format(Locale.ROOT, "CIRCLE('ICRS', %s + 0, %s, %s)", c[0], c[1], r);
            assertSameRows(points, inside, "CONTAINS(POINT('ICRS', ra, decl), " + circle + ") = 1");
            assertSameRows(points, inside, "CONTAINS(POINT('ICRS', ra, decl), " + computed + ") = 1");
            assertSameRows(points, inside, String.format(Locale.ROOT,
                    "DISTANCE(POINT('ICRS', %s, %s), POINT('ICRS', ra, decl)) <= %s", c[0], c[1], r));
            // as in a cross-match, where neither point is fixed: the right-ascension window, across 0/360 too
            assertSameRows(points, inside, String.format(Locale.ROOT,
                    "DISTANCE(POINT('ICRS', %s + 0, %s + 0), POINT('ICRS', ra, decl)) <= %s", c[0], c[1], r));
            assertSameRows(points, inside, String.format(Locale.ROOT,
                    "CONTAINS(POINT('ICRS', %s - 360, %s + 0), CIRCLE('ICRS', ra, decl, %s)) = 1", c[0], c[1], r));
        });
    }

    @Test
    void boxesFindExactlyThePointsWithinHalfTheirSizeOfTheirCentre() {
        qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            double[] c = SkyPoints.centre(random);
            double w = Math.pow(10, -2 + 3.3 * random.nextDouble());
            double h = Math.pow(10, -2 + 3.3 * random.nextDouble());
            List<double[]> points = fill(random, c, Math.hypot(w, h));
            BiPredicate<Double, Double> inside = (ra, dec) -> inBox(ra, dec, c[0], c[1], w, h);
            assertSameRows(points, inside, String.format(Locale.ROOT,
                    "CONTAINS(POINT('ICRS', ra, decl), BOX('ICRS', %s, %s, %s, %s)) = 1", c[0], c[1], w, h));
            assertSameRows(points, inside, String.format(Locale.ROOT,
                    "CONTAINS(POINT('ICRS', ra, decl), BOX('ICRS', %s, %s + 0, %s, %s)) = 1", c[0], c[1], w, h));
        });
    }

    @Test
    void polygonsFindExactlyThePointsInsideTheirEdges() {
        qt().withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            double[] c = SkyPoints.centre(random);
            double r = Math.pow(10, -2 + 3 * random.nextDouble());
            // vertices on a small circle, in order of their angle around it, make a convex polygon
            int n = 3 + random.nextInt(6);
            List<Double> angles = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                angles.add((i + 0.8 * random.nextDouble()) * 2 * Math.PI / n);
            }
            List<double[]> vertices = onCircle(c, r, angles);
            List<double[]> points = fill(random, c, r * 1.3);
            StringBuilder polygon = new StringBuilder("POLYGON('ICRS'");
            vertices.forEach(v -> polygon.append(", ").append(v[0]).append(", ").append(v[1]));
            BiPredicate<Double, Double> inside = (ra, dec) -> inPolygon(ra, dec, c, vertices);
            assertSameRows(points, inside, "CONTAINS(POINT('ICRS', ra, decl), " + polygon + ")) = 1");
        });
    }

    @Test
    void theIndexedTableReadsOnlyTheCoveringCells() throws SQLException {
        String sql = translator.translate("SELECT id FROM geo.indexed WHERE CONTAINS(POINT('ICRS', ra, decl),"
                + " BOX('ICRS', 359.9, 45, 1, 1)) = 1", 100).sql();
        List<String> plan = new ArrayList<>();
        AdqlFixture.read(database, "EXPLAIN " + sql, r -> plan.add(r.getString(1)));
        assertTrue(plan.get(0).contains("GEO_INDEXED_CELL"), plan.get(0));
    }

    /** The box as Geometry defines it, computed independently. */
    private static boolean inBox(double ra, double dec, double ra0, double dec0, double w, double h) {
        double south = dec0 - h / 2;
        double north = dec0 + h / 2;
        if (dec < south || dec > north) {
            return false;
        }
        if (north >= 90 || south <= -90 || w / 2 >= 90) {
            return true;
        }
        double offset = Math.toRadians(ra - ra0);
        return Math.cos(offset) >= 0
                && Math.cos(Math.toRadians(dec)) * Math.abs(Math.sin(offset)) <= Math.sin(Math.toRadians(w / 2));
    }

    /**
     * Inside a spherical polygon with great-circle edges: in the gnomonic projection around its centre, great circles
     * are straight lines, so the planar ray-casting test of the projected vertices decides.
     */
    private static boolean inPolygon(double ra, double dec, double[] centre, List<double[]> vertices) {
        double[] p = gnomonic(ra, dec, centre);
        if (p == null) {
            return false;
        }
        boolean inside = false;
        for (int i = 0, j = vertices.size() - 1; i < vertices.size(); j = i++) {
            double[] a = gnomonic(vertices.get(i)[0], vertices.get(i)[1], centre);
            double[] b = gnomonic(vertices.get(j)[0], vertices.get(j)[1], centre);
            if ((a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static double[] gnomonic(double ra, double dec, double[] centre) {
        double a = Math.toRadians(ra - centre[0]);
        double d = Math.toRadians(dec);
        double d0 = Math.toRadians(centre[1]);
        double cosC = Math.sin(d0) * Math.sin(d) + Math.cos(d0) * Math.cos(d) * Math.cos(a);
        if (cosC <= 0) {
            return null;
        }
        return new double[] {Math.cos(d) * Math.sin(a) / cosC,
            (Math.cos(d0) * Math.sin(d) - Math.sin(d0) * Math.cos(d) * Math.cos(a)) / cosC};
    }

    private static List<double[]> onCircle(double[] centre, double radius, List<Double> angles) {
        List<double[]> points = new ArrayList<>();
        double d0 = Math.toRadians(centre[1]);
        double r = Math.toRadians(radius);
        for (double angle : angles) {
            double dec = Math.asin(Math.sin(d0) * Math.cos(r) + Math.cos(d0) * Math.sin(r) * Math.cos(angle));
            double ra = centre[0] + Math.toDegrees(Math.atan2(Math.sin(angle) * Math.sin(r) * Math.cos(d0),
                    Math.cos(r) - Math.sin(d0) * Math.sin(dec)));
            points.add(new double[] {ra, Math.toDegrees(dec)});
        }
        return points;
    }

    /** Both tables hold only these points: most near the shape, some anywhere, and the poles themselves. */
    private static List<double[]> fill(Random random, double[] centre, double radius) {
        List<double[]> points = new ArrayList<>(SkyPoints.near(random, centre, radius, 400));
        for (int i = 0; i < 50; i++) {
            points.add(SkyPoints.anywhere(random));
        }
        points.add(new double[] {0, 90});
        points.add(new double[] {0, -90});
        points.add(new double[] {centre[0] < 180 ? 359.9999999 : 0.0000001, centre[1]});
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : List.of("indexed", "plain")) {
                statement.execute("DELETE FROM geo." + table);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO geo." + table
                        + " VALUES (?, ?, ?, ?)")) {
                    for (int i = 0; i < points.size(); i++) {
                        insert.setInt(1, i);
                        insert.setDouble(2, points.get(i)[0]);
                        insert.setDouble(3, points.get(i)[1]);
                        insert.setInt(4, SkyCells.cell(points.get(i)[0], points.get(i)[1]));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return points;
    }

    private static void assertSameRows(List<double[]> points, BiPredicate<Double, Double> inside, String condition) {
        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < points.size(); i++) {
            if (inside.test(points.get(i)[0], points.get(i)[1])) {
                expected.add(i);
            }
        }
        for (String table : List.of("geo.indexed", "geo.plain")) {
            Set<Integer> found = new TreeSet<>();
            String sql = translator.translate("SELECT id FROM " + table + " WHERE " + condition, Long.MAX_VALUE)
                    .sql();
            try {
                AdqlFixture.read(database, sql, r -> found.add(r.getInt(1)));
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
            assertEquals(expected, found, table + " WHERE " + condition);
        }
    }
}
