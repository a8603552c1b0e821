package org.sciplat.tap.service.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A grid of cells on the sky (the "zones" of SDSS's SkyServer): declination zones of {@link #ZONE_HEIGHT} degrees,
 * each cut into as many equal right-ascension cells as keep a cell at least that wide on the sky, so that cells
 * are near square and no smaller towards the poles. A table stores each row's cell in an indexed column; a shape
 * asks the index for the cells that may hold its points (its covering) and tests only their rows exactly.
 *
 * <p>A cell number is zone * {@link #MAX_RA_CELLS} + right-ascension cell; the cells of one zone are consecutive.
 * Coverings are supersets: every point within a shape lies in one of its covering's cells, with a margin far
 * above the rounding of the arithmetic.
 */
public final class SkyCells {

    /** Degrees: a 0.2-degree cone covers about 80 cells, whose rows are few besides the cone's own. */
    public static final double ZONE_HEIGHT = 0.05;
    static final int ZONES = (int) Math.round(180 / ZONE_HEIGHT);
    static final int MAX_RA_CELLS = (int) Math.round(360 / ZONE_HEIGHT);
    /** Larger coverings are not worth an index look-up per cell: such shapes read much of the table anyway. */
    public static final int MAX_COVERING = 2_000;
    /** Degrees added around a shape, far above the rounding of the cell and covering arithmetic. */
    private static final double MARGIN = 1e-7;

    private SkyCells() {
    }

    /** The cell holding a position (degrees; any right ascension, declination clamped to the poles). */
    public static int cell(double ra, double dec) {
        int zone = zone(dec);
        return zone * MAX_RA_CELLS + raCell(zone, ra);
    }

    /** The cells that may hold a point within radius degrees of the centre; empty if too many to be worth it. */
    public static Optional<List<Integer>> cone(double ra, double dec, double radius) {
        if (!Double.isFinite(ra + dec + radius) || radius < 0) {
            return Optional.empty();
        }
        if (radius >= 180) {
            return Optional.empty();
        }
        double south = dec - radius;
        double north = dec + radius;
        double halfWidth;
        if (north >= 90 || south <= -90) {
            halfWidth = 180;
        } else {
            // the widest right-ascension extent of a cap that misses the poles
            double ratio = Math.sin(Math.toRadians(radius)) / Math.cos(Math.toRadians(dec));
            halfWidth = ratio >= 1 ? 180 : Math.toDegrees(Math.asin(ratio));
        }
        return band(south, north, ra, halfWidth);
    }

    /**
     * The cells of every position in the declination band whose right ascension is within halfWidth degrees of
     * the given one (across 0/360 too); empty if too many to be worth it.
     */
    public static Optional<List<Integer>> band(double south, double north, double ra, double halfWidth) {
        if (!Double.isFinite(south + north + ra + halfWidth) || south > north || halfWidth < 0) {
            return Optional.empty();
        }
        int first = zone(south - MARGIN);
        int last = zone(north + MARGIN);
        List<Integer> cells = new ArrayList<>();
        for (int zone = first; zone <= last; zone++) {
            int count = raCells(zone);
            int base = zone * MAX_RA_CELLS;
            double width = 2 * (halfWidth + MARGIN);
            if (width >= 360 || count == 1) {
                if (!addRange(cells, base, 0, count - 1)) {
                    return Optional.empty();
                }
                continue;
            }
            double west = normalized(ra - halfWidth - MARGIN);
            double east = west + width;
            int from = raCell(zone, west);
            boolean ok;
            if (east < 360) {
                ok = addRange(cells, base, from, Math.max(from, raCellOfNormalized(count, east)));
            } else {
                ok = addRange(cells, base, from, count - 1)
                        && addRange(cells, base, 0, raCellOfNormalized(count, east - 360));
            }
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(cells);
    }

    private static boolean addRange(List<Integer> cells, int base, int from, int to) {
        if (cells.size() + (to - from + 1) > MAX_COVERING) {
            return false;
        }
        for (int i = from; i <= to; i++) {
            cells.add(base + i);
        }
        return true;
    }

    static int zone(double dec) {
        int zone = (int) Math.floor((dec + 90) / ZONE_HEIGHT);
        return Math.max(0, Math.min(ZONES - 1, zone));
    }

    /** Right-ascension cells in a zone: as many as keep each at least the zone's height wide at its polar edge. */
    static int raCells(int zone) {
        double south = zone * ZONE_HEIGHT - 90;
        double polarEdge = Math.max(Math.abs(south), Math.abs(south + ZONE_HEIGHT));
        int count = (int) Math.floor(360 * Math.cos(Math.toRadians(Math.min(90, polarEdge))) / ZONE_HEIGHT);
        return Math.max(1, Math.min(MAX_RA_CELLS, count));
    }

    private static int raCell(int zone, double ra) {
        return raCellOfNormalized(raCells(zone), normalized(ra));
    }

    private static int raCellOfNormalized(int count, double ra) {
        return Math.min(count - 1, (int) Math.floor(ra / 360 * count));
    }

    /** Right ascension in [0, 360). */
    private static double normalized(double ra) {
        double r = ra % 360;
        if (r < 0) {
            r += 360;
        }
        return r >= 360 ? 0 : r;
    }
}
