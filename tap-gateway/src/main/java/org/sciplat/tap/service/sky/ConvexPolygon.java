package org.sciplat.tap.service.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A convex polygon on the sky whose edges are great-circle arcs: the points on the inner side of every edge's great
 * circle. Each edge is kept as the normal of its great circle's plane, pointing inwards, so that a position is
 * inside when its unit vector has a non-negative dot product with every normal.
 */
public final class ConvexPolygon {

    /** Below this, vertices count as on an edge's great circle: a polygon with such a vertex is degenerate. */
    private static final double FLAT = 1e-12;

    private final List<double[]> normals;
    private final double[] centre;
    private final double radius;

    private ConvexPolygon(List<double[]> normals, double[] centre, double radius) {
        this.normals = normals;
        this.centre = centre;
        this.radius = radius;
    }

    /**
     * The polygon through these vertices (degrees), in either order; empty unless it has at least three vertices
     * and is convex and smaller than a hemisphere.
     */
    public static Optional<ConvexPolygon> find(double[] ras, double[] decs) {
        int n = ras.length;
        if (n < 3 || decs.length != n) {
            return Optional.empty();
        }
        double[][] vertices = new double[n][];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ras[i]) || !Double.isFinite(decs[i]) || Math.abs(decs[i]) > 90) {
                return Optional.empty();
            }
            vertices[i] = unit(ras[i], decs[i]);
        }
        for (int sign : new int[] {1, -1}) {
            List<double[]> normals = inwardNormals(vertices, sign);
            if (normals != null) {
                double[] centre = new double[3];
                for (double[] v : vertices) {
                    for (int k = 0; k < 3; k++) {
                        centre[k] += v[k];
                    }
                }
                double length = Math.sqrt(dot(centre, centre));
                if (length < FLAT) {
                    return Optional.empty();
                }
                for (int k = 0; k < 3; k++) {
                    centre[k] /= length;
                }
                double radius = 0;
                for (double[] v : vertices) {
                    radius = Math.max(radius, Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot(centre, v))))));
                }
                return Optional.of(new ConvexPolygon(normals, centre, radius));
            }
        }
        return Optional.empty();
    }

    /** The edges' inward normals for this orientation, or null if some vertex lies outside or on an edge. */
    private static List<double[]> inwardNormals(double[][] vertices, int sign) {
        int n = vertices.length;
        List<double[]> normals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] a = vertices[i];
            double[] b = vertices[(i + 1) % n];
            double[] normal = cross(a, b);
            double length = Math.sqrt(dot(normal, normal));
            if (length < FLAT) {
                return null;
            }
            for (int k = 0; k < 3; k++) {
                normal[k] = sign * normal[k] / length;
            }
            for (int j = 0; j < n; j++) {
                if (j != i && j != (i + 1) % n && dot(normal, vertices[j]) < FLAT) {
                    return null;
                }
            }
            normals.add(normal);
        }
        return normals;
    }

    /** The inward normals of the edges' great circles, unit vectors. */
    public List<double[]> normals() {
        return normals.stream().map(double[]::clone).toList();
    }

    public boolean contains(double ra, double dec) {
        double[] p = unit(ra, dec);
        return normals.stream().allMatch(normal -> dot(normal, p) >= 0);
    }

    /** The cells that may hold its points: those of the smallest cap around its vertices' mean direction. */
    public Optional<List<Integer>> covering() {
        if (radius >= 90) {
            return Optional.empty();
        }
        double dec = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, centre[2]))));
        double ra = Math.toDegrees(Math.atan2(centre[1], centre[0]));
        return SkyCells.cone(ra, dec, radius + 1e-6);
    }

    static double[] unit(double ra, double dec) {
        double a = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        return new double[] {Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
