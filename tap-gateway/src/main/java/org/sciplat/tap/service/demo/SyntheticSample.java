package org.sciplat.tap.service.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.sciplat.tap.service.sky.SkyCells;

/**
 * A deterministic, realistic stand-in for AllWISE multi-epoch photometry: the same rows on every machine for a
 * given size. A few hundred sources crowd the documented demo cone (192.85, +27.13), half of them within 0.2
 * degrees of it; the rest are spread over the whole sky, so that a cone search has a large table to avoid.
 * Every source has 12 to 25 epochs in two visits about 180 days apart, with noise growing with magnitude.
 */
public final class SyntheticSample {

    /** The centre of the cone query in the platform's documentation. */
    public static final double DEMO_RA = 192.85;
    public static final double DEMO_DEC = 27.13;

    private static final long SEED = 55203L;
    /**
     * Rows per insert batch, each committed on its own: on H2, transactions of 50,000 rows wrote twice the bytes, and
     * batches of 500 loaded it a little faster than batches of 2,000.
     */
    private static final int BATCH = 500;
    private static final int CLUSTER_SOURCES = 400;
    private static final double ORBIT_DAYS = 0.0662;
    private static final String[] CONTAMINATION = {"00dd", "h000", "0d00", "000h", "dd00"};

    /** A column of the table, in the table's order: the element type of its array (PostgreSQL's name) and value. */
    private record Column(String arrayType, Function<Epoch, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("int8", Epoch::cntrMf), new Column("varchar", Epoch::sourceIdMf),
            new Column("float8", Epoch::ra), new Column("float8", Epoch::decl), new Column("int4", Epoch::nb),
            new Column("int4", Epoch::na), new Column("varchar", Epoch::ccFlags), new Column("int8", Epoch::cntr),
            new Column("varchar", Epoch::frameId), new Column("float8", Epoch::mjd),
            real(Epoch::w1mpro), real(Epoch::w1sigmpro), real(Epoch::w1rchi2), real(Epoch::w2mpro),
            real(Epoch::w2sigmpro), real(Epoch::w2rchi2), real(Epoch::w3mpro), real(Epoch::w3sigmpro),
            real(Epoch::w3rchi2), real(Epoch::w4mpro), real(Epoch::w4sigmpro), real(Epoch::w4rchi2),
            real(Epoch::w1flux), real(Epoch::w1sigflux), real(Epoch::w2flux), real(Epoch::w2sigflux),
            real(Epoch::qiFact), new Column("int4", Epoch::saaSep), new Column("varchar", Epoch::moonMasked),
            new Column("int4", e -> SkyCells.cell(e.ra(), e.decl())));

    private static Column real(Function<Epoch, Object> value) {
        return new Column("float4", value);
    }

    /** One row of the table, in the table's column order, without the sky cell computed from its position. */
    public record Epoch(long cntrMf, String sourceIdMf, double ra, double decl, int nb, int na, String ccFlags,
            long cntr, String frameId, double mjd, Float w1mpro, Float w1sigmpro, Float w1rchi2, Float w2mpro,
            Float w2sigmpro, Float w2rchi2, Float w3mpro, Float w3sigmpro, Float w3rchi2, Float w4mpro,
            Float w4sigmpro, Float w4rchi2, Float w1flux, Float w1sigflux, Float w2flux, Float w2sigflux,
            float qiFact, int saaSep, String moonMasked) {
    }

    private final long rows;

    public SyntheticSample(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("row count must not be negative");
        }
        this.rows = rows;
    }

    public long rows() {
        return rows;
    }

    /** Hands every row to the sink, in cntr order of generation; the same sequence on every call. */
    public void generate(Consumer<Epoch> sink) {
        Random random = new Random(SEED);
        long written = 0;
        for (int source = 0; written < rows; source++) {
            written += generateSource(random, source, written, rows - written, sink);
        }
    }

    /**
     * One source's epochs. Their cntr continues the running count of rows, so the table's primary key grows with
     * every insert: on H2, keys in random order made each batch rewrite pages all over the index.
     */
    private static int generateSource(Random random, int source, long written, long remaining,
            Consumer<Epoch> sink) {
        double[] position = source < CLUSTER_SOURCES ? nearDemoCone(random, source) : anywhere(random);
        double ra = position[0];
        double dec = position[1];
        String tile = String.format("%04d%s%03d", (int) Math.floor(ra * 10) % 3600, dec >= 0 ? "p" : "m",
                (int) Math.floor(Math.abs(dec) * 10));
        String sourceId = tile + "_ac51-" + String.format("%06d", source % 1_000_000);
        long cntrMf = Long.parseLong(tile.replace('p', '1').replace('m', '0') + "51" + String.format("%06d", source));

        double w1 = brightnessDistribution(random);
        double w2 = w1 - (0.1 + 0.15 * random.nextGaussian());
        double w3 = w2 - (0.5 + 2.5 * random.nextDouble());
        Double meanW3 = w3 > 12.5 ? null : w3;
        double w4 = w3 - (0.5 + 1.5 * random.nextDouble());
        Double meanW4 = meanW3 == null || w4 > 8.5 ? null : w4;
        int nb = random.nextDouble() < 0.95 ? 1 : 2 + random.nextInt(2);
        int na = nb > 1 && random.nextBoolean() ? 1 : 0;
        String ccFlags = random.nextDouble() < 0.9 ? "0000" : CONTAMINATION[random.nextInt(CONTAMINATION.length)];

        boolean demo = source < CLUSTER_SOURCES;
        double firstVisit = demo ? 55360 : 55203 + ra / 360 * 180;
        int epochs = (int) Math.min(remaining, 12 + random.nextInt(14));
        int firstVisitEpochs = epochs / 2 + random.nextInt(2);
        for (int e = 0; e < epochs; e++) {
            boolean second = e >= firstVisitEpochs;
            int k = second ? e - firstVisitEpochs : e;
            double mjd = (second ? firstVisit + 180 + random.nextDouble() : firstVisit + random.nextDouble() * 0.2)
                    + k * ORBIT_DAYS + random.nextGaussian() * 1e-4;
            int scan = 1000 + (int) ((mjd - 55203) * 15);
            String frameId = zeroPadded(scan, 5) + (char) ('a' + random.nextInt(6))
                    + zeroPadded(10 + random.nextInt(200), 3);
            Photometry p1 = Photometry.measure(random, w1, 20.5);
            Photometry p2 = Photometry.measure(random, w2, 19.5);
            Photometry p3 = meanW3 == null ? Photometry.NONE : Photometry.measure(random, meanW3, 18.0);
            Photometry p4 = meanW4 == null ? Photometry.NONE : Photometry.measure(random, meanW4, 13.0);
            double quality = random.nextDouble();
            float qiFact = quality < 0.85 ? 1.0f : quality < 0.97 ? 0.5f : 0.0f;
            int saaSep = -1 + random.nextInt(82);
            String moon = random.nextDouble() < 0.9 ? "0000" : "1100";
            sink.accept(new Epoch(cntrMf, sourceId, ra, dec, nb, na, ccFlags, written + e + 1, frameId, mjd,
                    p1.magnitude, p1.error, p1.chi2, p2.magnitude, p2.error, p2.chi2, p3.magnitude, p3.error, p3.chi2,
                    p4.magnitude, p4.error, p4.chi2, p1.flux, p1.fluxError, p2.flux, p2.fluxError, qiFact, saaSep,
                    moon));
        }
        return epochs;
    }

    /**
     * Replaces the rows of the table (its physical name, quoted) with the sample, committing batch by batch, so a
     * large sample never sits in one transaction; progress hears the number of rows written so far. Each batch is one
     * statement with an array per column (UNNEST, which H2 and PostgreSQL both read): on H2 behind the server's
     * connection pool, a JDBC batch of single-row inserts cost a third more, most of it per parameter.
     */
    public void writeTo(Connection connection, String table, LongConsumer progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                     + " SELECT * FROM UNNEST(?" + ", ?".repeat(COLUMNS.size() - 1) + ")")) {
            statement.executeUpdate("DELETE FROM " + table);
            connection.commit();
            List<Epoch> batch = new ArrayList<>(BATCH);
            long[] written = {0};
            generate(epoch -> {
                batch.add(epoch);
                if (batch.size() == BATCH) {
                    written[0] += insert(connection, insert, batch);
                    progress.accept(written[0]);
                }
            });
            written[0] += insert(connection, insert, batch);
            progress.accept(written[0]);
        } catch (IllegalStateException e) {
            connection.rollback();
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Writes and commits the batch, and empties it. */
    private static int insert(Connection connection, PreparedStatement insert, List<Epoch> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Array> arrays = new ArrayList<>(COLUMNS.size());
        try {
            for (Column column : COLUMNS) {
                Array values = connection.createArrayOf(column.arrayType(),
                        batch.stream().map(column.value()).toArray());
                arrays.add(values);
                insert.setArray(arrays.size(), values);
            }
            insert.executeUpdate();
            connection.commit();
            int rows = batch.size();
            batch.clear();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            for (Array values : arrays) {
                try {
                    values.free();
                } catch (SQLException e) {
                    // an array that cannot be freed is left to the collector with its statement
                }
            }
        }
    }

    /** String.format("%0<width>d") without its parsing: once per row, it took a fifth of the generator's own time. */
    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Half of the demo sources within 0.2 degrees of the demo cone's centre, the other half out to 0.5. */
    private static double[] nearDemoCone(Random random, int source) {
        double radius = source % 2 == 0
                ? 0.2 * Math.sqrt(random.nextDouble())
                : Math.sqrt(0.04 + random.nextDouble() * (0.25 - 0.04));
        double angle = random.nextDouble() * 2 * Math.PI;
        double dec = DEMO_DEC + radius * Math.cos(angle);
        double ra = DEMO_RA + radius * Math.sin(angle) / Math.cos(Math.toRadians(dec));
        return new double[] {ra, dec};
    }

    /** Uniform over the sphere. */
    private static double[] anywhere(Random random) {
        double ra = random.nextDouble() * 360;
        double dec = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
        return new double[] {ra, dec};
    }

    /** Source counts rising as 10^(0.3 m) between magnitudes 10 and 16.5, as in a flux-limited survey. */
    private static double brightnessDistribution(Random random) {
        double low = Math.pow(10, 0.3 * 10);
        double high = Math.pow(10, 0.3 * 16.5);
        return Math.log10(low + random.nextDouble() * (high - low)) / 0.3;
    }

    /** One band of one epoch: magnitude with noise that grows for faint sources, and the matching flux. */
    private record Photometry(Float magnitude, Float error, Float chi2, Float flux, Float fluxError) {

        static final Photometry NONE = new Photometry(null, null, null, null, null);

        static Photometry measure(Random random, double mean, double zeroPoint) {
            double sigma = Math.min(0.5, 0.02 + 0.03 * Math.pow(10, 0.4 * (mean - 14)));
            double magnitude = mean + sigma * random.nextGaussian();
            double error = sigma * (0.9 + 0.2 * random.nextDouble());
            double chi2 = 0.5 + Math.abs(1 + 0.5 * random.nextGaussian());
            double flux = Math.pow(10, -0.4 * (magnitude - zeroPoint));
            double fluxError = flux * error * Math.log(10) / 2.5;
            return new Photometry(round(magnitude, 3), round(error, 3), round(chi2, 3), round(flux, 2),
                    round(fluxError, 3));
        }

        private static Float round(double value, int digits) {
            double scale = Math.pow(10, digits);
            return (float) (Math.round(value * scale) / scale);
        }
    }
}
