package org.sciplat.tap.service.demo;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo archive's image collection, deterministic like {@link SyntheticSample} and on its sky: WISE single
 * exposures over the demo cone, one per orbit in each of the two visits the cone's sources were measured in, the
 * AllWISE Atlas tile holding the cone, and single exposures spread over the whole sky, each taken when the demo
 * table's sources at its right ascension were (the first visit, or the second 180 days later). Every image in each
 * of the four bands.
 */
public final class SyntheticImages {

    private static final long SEED = 55204L;
    private static final int SKY_FRAMES = 400;
    private static final int ORBITS_PER_VISIT = 13;
    private static final double ORBIT_DAYS = 0.0662;
    private static final double[] DEMO_VISITS = {55360, 55540};
    /** Half the side of a single exposure (47 arcmin) and of an Atlas tile (1.564 deg), in degrees. */
    private static final double FRAME_HALF_SIDE = 47.0 / 60 / 2;
    private static final double TILE_HALF_SIDE = 1.564 / 2;
    private static final int FRAME_PIXELS = 1016;
    private static final int TILE_PIXELS = 4095;
    private static final String FACILITY = "WISE";
    private static final String DID_PREFIX = "ivo://sciplat.example/tap/demo/images?";

    /** A WISE band: its number, wavelength limits (m), PSF FWHM (arcsec) and single-exposure time (s). */
    private record Band(int number, double emMin, double emMax, double fwhm, double exposure) {

        double resolvingPower() {
            return (emMin + emMax) / 2 / (emMax - emMin);
        }
    }

    private static final List<Band> BANDS = List.of(new Band(1, 2.754e-6, 3.872e-6, 6.1, 7.7),
            new Band(2, 3.963e-6, 5.341e-6, 6.4, 7.7), new Band(3, 7.443e-6, 17.261e-6, 6.5, 8.8),
            new Band(4, 19.52e-6, 27.91e-6, 12.0, 8.8));

    /** One row of ivoa.obscore, in the table's column order. */
    public record Image(String dataproductType, int calibLevel, String obsCollection, String obsId,
            String obsPublisherDid, String accessUrl, String accessFormat, Long accessEstsize, String targetName,
            double sRa, double sDec, double sFov, String sRegion, double sResolution, long sXel1, long sXel2,
            double tMin, double tMax, double tExptime, double tResolution, long tXel, double emMin, double emMax,
            double emResPower, long emXel, String oUcd, String polStates, Long polXel, String facilityName,
            String instrumentName) {
    }

    private SyntheticImages() {
    }

    /** Every image, in the same order on every call. */
    public static List<Image> images() {
        Random random = new Random(SEED);
        List<Image> images = new ArrayList<>();
        String field = String.format(Locale.ROOT, "Demo field (%.2f, %+.2f)", SyntheticSample.DEMO_RA,
                SyntheticSample.DEMO_DEC);
        for (double visit : DEMO_VISITS) {
            for (int orbit = 0; orbit < ORBITS_PER_VISIT; orbit++) {
                // successive orbits' frames step along the scan, each still covering the demo cone
                double ra = SyntheticSample.DEMO_RA + 0.12 * Math.sin(orbit);
                double dec = SyntheticSample.DEMO_DEC + 0.3 * (orbit / (ORBITS_PER_VISIT - 1.0) - 0.5);
                frames(images, random, ra, dec, visit + 0.1 + orbit * ORBIT_DAYS, field);
            }
        }
        for (Band band : BANDS) {
            String tile = String.format(Locale.ROOT, "%04dp%03d_ac51", (int) Math.floor(SyntheticSample.DEMO_RA * 10),
                    (int) Math.floor(SyntheticSample.DEMO_DEC * 10));
            int depth = 2 * ORBITS_PER_VISIT;
            images.add(image(3, "AllWISE Atlas", tile, band, SyntheticSample.DEMO_RA, SyntheticSample.DEMO_DEC,
                    TILE_HALF_SIDE, TILE_PIXELS, DEMO_VISITS[0], DEMO_VISITS[1] + 1, depth * band.exposure(),
                    field));
        }
        for (int i = 0; i < SKY_FRAMES; i++) {
            double ra = random.nextDouble() * 360;
            double dec = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            double mjd = 55203 + ra / 360 * 180 + random.nextDouble() * 0.2 + (random.nextBoolean() ? 180 : 0);
            frames(images, random, ra, dec, mjd, null);
        }
        return images;
    }

    /** Replaces the table's rows (its physical name, quoted) with the images, in one transaction. */
    public static void writeTo(Connection connection, String table) throws SQLException {
        RecordComponent[] components = Image.class.getRecordComponents();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement delete = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?"
                     + ", ?".repeat(components.length - 1) + ")")) {
            delete.executeUpdate("DELETE FROM " + table);
            for (Image image : images()) {
                // the record's components are the table's columns, in order
                for (int i = 0; i < components.length; i++) {
                    insert.setObject(i + 1, components[i].getAccessor().invoke(image));
                }
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (ReflectiveOperationException e) {
            connection.rollback();
            throw new IllegalStateException(e);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A single exposure in each band, centred on the position, taken at the given time. */
    private static void frames(List<Image> images, Random random, double ra, double dec, double mjd, String target) {
        String obsId = String.format(Locale.ROOT, "%05d%c%03d", 1000 + (int) ((mjd - 55203) * 15),
                (char) ('a' + random.nextInt(6)), 10 + random.nextInt(200));
        for (Band band : BANDS) {
            images.add(image(2, "WISE Single-exposure", obsId, band, ra, dec, FRAME_HALF_SIDE, FRAME_PIXELS, mjd,
                    mjd + band.exposure() / 86_400, band.exposure(), target));
        }
    }

    private static Image image(int level, String collection, String obsId, Band band, double ra, double dec,
            double halfSide, int pixels, double start, double end, double exposure, String target) {
        return new Image("image", level, collection, obsId, DID_PREFIX + obsId + "-w" + band.number(), null, null,
                null, target, ra, dec, 2 * Math.toDegrees(Math.atan(Math.sqrt(2) * Math.tan(Math.toRadians(halfSide)))),
                square(ra, dec, halfSide), band.fwhm(), pixels, pixels, start, end, exposure, exposure, 1,
                band.emMin(), band.emMax(), band.resolvingPower(), 1, "phot.count", null, null, FACILITY, FACILITY);
    }

    /**
     * The square footprint of the given half side around the position, as an STC-S polygon: corners of a square
     * on the tangent plane, projected back onto the sky (gnomonic), so the poles and RA 0/360 need no care.
     */
    static String square(double ra, double dec, double halfSide) {
        double t = Math.tan(Math.toRadians(halfSide));
        double d0 = Math.toRadians(dec);
        StringBuilder polygon = new StringBuilder("Polygon ICRS");
        double[][] corners = {{t, -t}, {t, t}, {-t, t}, {-t, -t}};
        for (double[] corner : corners) {
            double x = corner[0];
            double y = corner[1];
            double cornerDec = Math.asin((Math.sin(d0) + y * Math.cos(d0)) / Math.sqrt(1 + x * x + y * y));
            double cornerRa = Math.toRadians(ra) + Math.atan2(x, Math.cos(d0) - y * Math.sin(d0));
            double degrees = (Math.toDegrees(cornerRa) % 360 + 360) % 360;
            polygon.append(String.format(Locale.ROOT, " %.5f %.5f", degrees, Math.toDegrees(cornerDec)));
        }
        return polygon.toString();
    }
}
