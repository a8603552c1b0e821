package org.sciplat.tap.service.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random positions for the geometry's tests, crowding where geometry goes wrong: RA 0/360 and the poles. */
public final class SkyPoints {

    private SkyPoints() {
    }

    /** A shape's centre: a third anywhere, a third near right ascension 0/360, a third near a pole. */
    public static double[] centre(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> anywhere(random);
            case 1 -> new double[] {-5 + 10 * random.nextDouble() + (random.nextBoolean() ? 360 : 0),
                -80 + 160 * random.nextDouble()};
            default -> new double[] {360 * random.nextDouble(), (random.nextBoolean() ? 1 : -1)
                * (80 + 10 * random.nextDouble())};
        };
    }

    public static double[] anywhere(Random random) {
        return new double[] {360 * random.nextDouble(), Math.toDegrees(Math.asin(2 * random.nextDouble() - 1))};
    }

    /** Points uniform in the cap of this radius (degrees) around the centre, with right ascensions in [0, 360). */
    public static List<double[]> near(Random random, double[] centre, double radius, int count) {
        List<double[]> points = new ArrayList<>(count);
        double cosRadius = Math.cos(Math.toRadians(Math.min(180, radius)));
        double a = Math.toRadians(centre[0]);
        double d = Math.toRadians(centre[1]);
        double[] z = {Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
        double[] x = {-Math.sin(a), Math.cos(a), 0};
        double[] y = {z[1] * x[2] - z[2] * x[1], z[2] * x[0] - z[0] * x[2], z[0] * x[1] - z[1] * x[0]};
        for (int i = 0; i < count; i++) {
            double cosT = 1 - random.nextDouble() * (1 - cosRadius);
            double sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT));
            double phi = 2 * Math.PI * random.nextDouble();
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                v[k] = cosT * z[k] + sinT * (Math.cos(phi) * x[k] + Math.sin(phi) * y[k]);
            }
            double ra = Math.toDegrees(Math.atan2(v[1], v[0]));
            points.add(new double[] {ra < 0 ? ra + 360 : ra, Math.toDegrees(Math.asin(Math.max(-1, Math.min(1,
                    v[2]))))});
        }
        return points;
    }

    /** Great-circle distance in degrees (haversine). */
    public static double greatCircle(double ra1, double dec1, double ra2, double dec2) {
        double a = Math.sin(Math.toRadians(dec2 - dec1) / 2);
        double b = Math.sin(Math.toRadians(ra2 - ra1) / 2);
        double h = a * a + Math.cos(Math.toRadians(dec1)) * Math.cos(Math.toRadians(dec2)) * b * b;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }
}
