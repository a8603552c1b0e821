package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import org.sciplat.tap.service.sky.ConvexPolygon;
import org.sciplat.tap.service.sky.SkyCells;

/**
 * ADQL's geometry on a database without spatial types: points, circles, boxes and polygons exist only while a query
 * is translated, and what a query asks of them becomes arithmetic on the coordinates. Distances are great-circle
 * distances (haversine), in degrees.
 *
 * <p>A point's membership in a shape whose parameters are numbers is tested with the shape's constants worked out
 * here. If the point is a table's position with a {@link org.sciplat.tap.service.catalogue.SkyIndex}, the test is
 * preceded by the cells covering the shape, so the database reads only their rows from the cell index; other
 * points in a circle or box get a declination band, which a declination index answers.
 *
 * <p>A BOX(ra, dec, width, height) holds the points within height / 2 degrees of declination of its centre and
 * within width / 2 degrees on the sky (not of right ascension) of the great circle through its centre and the
 * poles, on its centre's side of the sky: its right-ascension extent at declination d is about width / cos(d).
 * A box reaching over a pole holds every right ascension within its declination band. A POLYGON is convex, with
 * great-circle edges and numbers for vertices.
 */
final class Geometry {

    /** The geometric functions of ADQL 2.0 this service supports, as its capabilities declare them. */
    static final List<String> DECLARED = List.of("POINT", "CIRCLE", "BOX", "POLYGON", "CONTAINS", "INTERSECTS",
            "DISTANCE", "COORD1", "COORD2", "COORDSYS");
    static final Set<String> FUNCTIONS = Set.copyOf(DECLARED);
    private static final Set<String> PREDICATES = Set.of("CONTAINS", "INTERSECTS");

    private sealed interface Shape permits Point, Circle, Box, Polygon {
    }

    /** A point: its coordinates as written in the query and as SQL. */
    private record Point(Expression raExpression, Expression decExpression, String ra, String dec) implements Shape {
    }

    private record Circle(Point centre, Expression radiusExpression, String radius) implements Shape {
    }

    /** A box spanning width degrees on the sky across and height degrees of declination around its centre. */
    private record Box(Point centre, Expression widthExpression, Expression heightExpression, String width,
            String height) implements Shape {
    }

    private record Polygon(List<Point> vertices) implements Shape {
    }

    private final Function<Expression, String> sql;
    private final BiFunction<Expression, Expression, Optional<String>> cellColumn;

    /**
     * sql: how the translation writes an argument expression; cellColumn: the SQL of the sky-index cell column of the
     * table whose position columns the two expressions (right ascension, declination) are, if they are.
     */
    Geometry(Function<Expression, String> sql, BiFunction<Expression, Expression, Optional<String>> cellColumn) {
        this.sql = sql;
        this.cellColumn = cellColumn;
    }

    static boolean isPredicate(Expression expression) {
        return expression instanceof net.sf.jsqlparser.expression.Function f
                && PREDICATES.contains(f.getName().toUpperCase(Locale.ROOT));
    }

    /** CONTAINS(a, b) or INTERSECTS(a, b) as a condition. */
    String predicate(net.sf.jsqlparser.expression.Function function) {
        String name = function.getName().toUpperCase(Locale.ROOT);
        List<Expression> arguments = arguments(function);
        requireCount(name, arguments, 2);
        Shape a = shape(name, arguments.get(0));
        Shape b = shape(name, arguments.get(1));
        if (name.equals("INTERSECTS") && b instanceof Point) {
            Shape swap = a;
            a = b;
            b = swap;
        }
        if (a instanceof Point p && b instanceof Circle c) {
            return inCircle(p, c, "<=");
        }
        if (a instanceof Point p && b instanceof Box box) {
            return inBox(p, box);
        }
        if (a instanceof Point p && b instanceof Polygon polygon) {
            return inPolygon(p, polygon);
        }
        if (a instanceof Circle inner && b instanceof Circle outer) {
            return name.equals("CONTAINS")
                    ? "(" + distance(inner.centre(), outer.centre()) + " + " + inner.radius() + " <= "
                            + outer.radius() + ")"
                    : "(" + distance(inner.centre(), outer.centre()) + " <= " + inner.radius() + " + "
                            + outer.radius() + ")";
        }
        throw new AdqlException(name + " is supported for a POINT in a CIRCLE, BOX or POLYGON, and for two CIRCLEs");
    }

    /** The point within (operator "<=") or closer than ("<") the circle's radius of its centre. */
    private String inCircle(Point p, Circle c, String operator) {
        OptionalDouble ra = constant(c.centre().raExpression());
        OptionalDouble dec = constant(c.centre().decExpression());
        OptionalDouble radius = constant(c.radiusExpression());
        if (ra.isEmpty() || dec.isEmpty() || radius.isEmpty()) {
            // a band around each: in a cross-match of two tables, the database may look up either table's rows
            return "(" + declinationBand(p, c.centre().dec(), c.radius()) + " AND "
                    + declinationBand(c.centre(), p.dec(), c.radius()) + " AND "
                    + rightAscensionWindow(p, c.centre(), radius) + distance(p, c.centre()) + " " + operator + " "
                    + c.radius() + ")";
        }
        double r = radius.getAsDouble();
        if (r < 0 || r == 0 && operator.equals("<")) {
            return "(1 = 0)";
        }
        if (r >= 180) {
            return "(1 = 1)";
        }
        // the haversine of the distance against that of the radius: no inverse functions per row
        double d0 = dec.getAsDouble();
        double limit = Math.pow(Math.sin(Math.toRadians(r) / 2), 2);
        String exact = "(POWER(SIN(RADIANS((" + p.dec() + ") - " + literal(d0) + ") / 2), 2) + "
                + literal(Math.cos(Math.toRadians(d0))) + " * COS(RADIANS(" + p.dec() + ")) * POWER(SIN(RADIANS(("
                + p.ra() + ") - " + literal(ra.getAsDouble()) + ") / 2), 2) " + operator + " " + literal(limit) + ")";
        Optional<String> cells = cells(p, SkyCells.cone(ra.getAsDouble(), d0, r));
        String band = "(" + p.dec() + " BETWEEN " + literal(d0 - r) + " AND " + literal(d0 + r) + ")";
        return "(" + cells.orElse(band) + " AND " + exact + ")";
    }

    private String inBox(Point p, Box box) {
        OptionalDouble ra = constant(box.centre().raExpression());
        OptionalDouble dec = constant(box.centre().decExpression());
        OptionalDouble width = constant(box.widthExpression());
        OptionalDouble height = constant(box.heightExpression());
        String offset = "RADIANS((" + p.ra() + ") - (" + box.centre().ra() + "))";
        String across = "(COS(" + offset + ") >= 0 AND COS(RADIANS(" + p.dec() + ")) * ABS(SIN(" + offset
                + ")) <= SIN(RADIANS((" + box.width() + ") / 2)))";
        if (ra.isEmpty() || dec.isEmpty() || width.isEmpty() || height.isEmpty()) {
            String halfHeight = "(" + box.height() + ") / 2";
            String d0 = "(" + box.centre().dec() + ")";
            return "(" + declinationBand(p, box.centre().dec(), halfHeight) + " AND (" + box.width() + ") >= 0"
                    + " AND (" + d0 + " + " + halfHeight + " >= 90 OR " + d0 + " - " + halfHeight + " <= -90 OR ("
                    + box.width() + ") / 2 >= 90 OR " + across + "))";
        }
        double w = width.getAsDouble();
        double south = dec.getAsDouble() - height.getAsDouble() / 2;
        double north = dec.getAsDouble() + height.getAsDouble() / 2;
        if (w < 0 || south > north) {
            return "(1 = 0)";
        }
        String band = "(" + p.dec() + " BETWEEN " + literal(south) + " AND " + literal(north) + ")";
        boolean everyRa = north >= 90 || south <= -90 || w / 2 >= 90;
        double halfWidth = 180;
        if (!everyRa) {
            double ratio = Math.sin(Math.toRadians(w / 2))
                    / Math.cos(Math.toRadians(Math.max(Math.abs(south), Math.abs(north))));
            halfWidth = ratio >= 1 ? 90 : Math.toDegrees(Math.asin(ratio));
        }
        Optional<String> cells = cells(p, SkyCells.band(south, north, ra.getAsDouble(), halfWidth));
        String prefilter = cells.map(c -> "(" + c + " AND " + band + ")").orElse(band);
        return everyRa ? prefilter : "(" + prefilter + " AND " + across + ")";
    }

    private String inPolygon(Point p, Polygon polygon) {
        int n = polygon.vertices().size();
        double[] ras = new double[n];
        double[] decs = new double[n];
        for (int i = 0; i < n; i++) {
            Point vertex = polygon.vertices().get(i);
            ras[i] = constant(vertex.raExpression()).orElseThrow(Geometry::polygonOfNumbers);
            decs[i] = constant(vertex.decExpression()).orElseThrow(Geometry::polygonOfNumbers);
        }
        ConvexPolygon shape = ConvexPolygon.find(ras, decs).orElseThrow(() -> new AdqlException("POLYGON must be"
                + " convex and smaller than a hemisphere, with at least three distinct vertices"));
        List<String> sides = new ArrayList<>();
        String cosDec = "COS(RADIANS(" + p.dec() + "))";
        for (double[] normal : shape.normals()) {
            sides.add("(" + literal(normal[0]) + " * " + cosDec + " * COS(RADIANS(" + p.ra() + ")) + "
                    + literal(normal[1]) + " * " + cosDec + " * SIN(RADIANS(" + p.ra() + ")) + "
                    + literal(normal[2]) + " * SIN(RADIANS(" + p.dec() + ")) >= 0)");
        }
        String inside = "(" + String.join(" AND ", sides) + ")";
        return cells(p, shape.covering()).map(c -> "(" + c + " AND " + inside + ")").orElse(inside);
    }

    private static AdqlException polygonOfNumbers() {
        return new AdqlException("POLYGON takes numbers for its vertices' coordinates");
    }

    /** The point's cell column among the covering's cells, if the point has a cell column and the covering is. */
    private Optional<String> cells(Point p, Optional<List<Integer>> covering) {
        Optional<String> column = cellColumn.apply(p.raExpression(), p.decExpression());
        if (column.isEmpty() || covering.isEmpty()) {
            return Optional.empty();
        }
        if (covering.get().isEmpty()) {
            return Optional.of("(1 = 0)");
        }
        StringBuilder in = new StringBuilder("(").append(column.get()).append(" IN (");
        for (int i = 0; i < covering.get().size(); i++) {
            in.append(i == 0 ? "" : ", ").append(covering.get().get(i));
        }
        return Optional.of(in.append("))").toString());
    }

    /** The value of a number written in the query (possibly signed or bracketed), if it is one. */
    private static OptionalDouble constant(Expression expression) {
        if (expression instanceof LongValue number) {
            return OptionalDouble.of(number.getValue());
        }
        if (expression instanceof DoubleValue number) {
            return Double.isFinite(number.getValue()) ? OptionalDouble.of(number.getValue()) : OptionalDouble.empty();
        }
        if (expression instanceof Parenthesis parenthesis) {
            return constant(parenthesis.getExpression());
        }
        if (expression instanceof SignedExpression signed && (signed.getSign() == '-' || signed.getSign() == '+')) {
            OptionalDouble value = constant(signed.getExpression());
            return signed.getSign() == '-' && value.isPresent() ? OptionalDouble.of(-value.getAsDouble()) : value;
        }
        return OptionalDouble.empty();
    }

    /**
     * A number as SQL both databases read exactly (Java's shortest round-tripping decimal form) and compute with as a
     * double: H2 reads 1.5E-6 as a DECFLOAT, whose arithmetic made each row's exact test many times slower.
     */
    private static String literal(double value) {
        return "CAST(" + Double.toString(value) + " AS DOUBLE PRECISION)";
    }

    static boolean isDistance(Expression expression) {
        return expression instanceof net.sf.jsqlparser.expression.Function f
                && f.getName().equalsIgnoreCase("DISTANCE");
    }

    /**
     * DISTANCE(a, b) < r (or <=) as a condition: the same great-circle test, preceded by declination bands around
     * each point, so that the database can answer a cone written this way from the declination index too.
     */
    String distanceWithin(net.sf.jsqlparser.expression.Function distance, String operator, Expression radius) {
        List<Expression> arguments = arguments(distance);
        Point a;
        Point b;
        if (arguments.size() == 4) {
            a = at(arguments.get(0), arguments.get(1));
            b = at(arguments.get(2), arguments.get(3));
        } else {
            requireCount("DISTANCE", arguments, 2);
            a = point("DISTANCE", arguments.get(0));
            b = point("DISTANCE", arguments.get(1));
        }
        // a cone written as a distance from fixed numbers is answered as the CIRCLE it is
        if (constant(a.raExpression()).isPresent() && constant(a.decExpression()).isPresent()) {
            return inCircle(b, new Circle(a, radius, "(" + sql.apply(radius) + ")"), operator);
        }
        if (constant(b.raExpression()).isPresent() && constant(b.decExpression()).isPresent()) {
            return inCircle(a, new Circle(b, radius, "(" + sql.apply(radius) + ")"), operator);
        }
        String r = "(" + sql.apply(radius) + ")";
        return "(" + declinationBand(a, b.dec(), r) + " AND " + declinationBand(b, a.dec(), r) + " AND "
                + rightAscensionWindow(a, b, constant(radius)) + distance(a, b) + " " + operator + " " + r + ")";
    }

    /** A geometric function where a value is expected. */
    String value(net.sf.jsqlparser.expression.Function function, List<Expression> arguments) {
        String name = function.getName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "CONTAINS", "INTERSECTS" -> {
                return "(CASE WHEN " + predicate(function) + " THEN 1 ELSE 0 END)";
            }
            case "DISTANCE" -> {
                if (arguments.size() == 4) {
                    return distance(at(arguments.get(0), arguments.get(1)),
                            at(arguments.get(2), arguments.get(3)));
                }
                requireCount(name, arguments, 2);
                return distance(point(name, arguments.get(0)), point(name, arguments.get(1)));
            }
            case "COORD1", "COORD2" -> {
                requireCount(name, arguments, 1);
                Point p = point(name, arguments.get(0));
                return name.equals("COORD1") ? p.ra() : p.dec();
            }
            case "COORDSYS" -> {
                requireCount(name, arguments, 1);
                shape(name, arguments.get(0));
                return "'ICRS'";
            }
            default -> throw new AdqlException(name + " values cannot be selected or compared here: use them in"
                    + " CONTAINS, INTERSECTS or DISTANCE, or select COORD1 and COORD2 of a POINT");
        }
    }

    private Shape shape(String context, Expression expression) {
        if (!(expression instanceof net.sf.jsqlparser.expression.Function f)) {
            throw new AdqlException(context + " expects POINT, CIRCLE, BOX or POLYGON arguments, not '" + expression + "'");
        }
        String name = f.getName().toUpperCase(Locale.ROOT);
        List<Expression> arguments = withoutCoordinateSystem(name, arguments(f));
        switch (name) {
            case "POINT" -> {
                requireCount(name, arguments, 2);
                return at(arguments.get(0), arguments.get(1));
            }
            case "CIRCLE" -> {
                if (arguments.size() == 2) {
                    return new Circle(point(name, arguments.get(0)), arguments.get(1),
                            "(" + sql.apply(arguments.get(1)) + ")");
                }
                requireCount(name, arguments, 3);
                return new Circle(at(arguments.get(0), arguments.get(1)), arguments.get(2),
                        "(" + sql.apply(arguments.get(2)) + ")");
            }
            case "BOX" -> {
                if (arguments.size() == 3) {
                    return new Box(point(name, arguments.get(0)), arguments.get(1), arguments.get(2),
                            sql.apply(arguments.get(1)), sql.apply(arguments.get(2)));
                }
                requireCount(name, arguments, 4);
                return new Box(at(arguments.get(0), arguments.get(1)), arguments.get(2), arguments.get(3),
                        sql.apply(arguments.get(2)), sql.apply(arguments.get(3)));
            }
            case "POLYGON" -> {
                List<Point> vertices = new ArrayList<>();
                if (arguments.stream().allMatch(Geometry::isPointFunction)) {
                    for (Expression vertex : arguments) {
                        vertices.add(point(name, vertex));
                    }
                } else if (arguments.size() % 2 == 0) {
                    for (int i = 0; i < arguments.size(); i += 2) {
                        vertices.add(at(arguments.get(i), arguments.get(i + 1)));
                    }
                }
                if (vertices.size() < 3) {
                    throw new AdqlException("POLYGON takes at least three vertices, as coordinate pairs or POINTs");
                }
                return new Polygon(vertices);
            }
            default -> throw new AdqlException(context + " expects POINT, CIRCLE, BOX or POLYGON arguments, not " + name);
        }
    }

    private Point at(Expression ra, Expression dec) {
        return new Point(ra, dec, sql.apply(ra), sql.apply(dec));
    }

    private static boolean isPointFunction(Expression expression) {
        return expression instanceof net.sf.jsqlparser.expression.Function f && f.getName().equalsIgnoreCase("POINT");
    }

    private Point point(String context, Expression expression) {
        if (shape(context, expression) instanceof Point p) {
            return p;
        }
        throw new AdqlException(context + " expects a POINT here");
    }

    /** ADQL 2.0 starts each geometry with its coordinate system; 2.1 allows leaving it out. Only ICRS is known. */
    private static List<Expression> withoutCoordinateSystem(String name, List<Expression> arguments) {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof StringValue system)) {
            return arguments;
        }
        String value = system.getValue().strip().toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && !value.startsWith("ICRS")) {
            throw new AdqlException(name + " in coordinate system '" + system.getValue() + "': only ICRS is"
                    + " supported");
        }
        return arguments.subList(1, arguments.size());
    }

    private static List<Expression> arguments(net.sf.jsqlparser.expression.Function function) {
        List<Expression> arguments = new ArrayList<>();
        if (function.getParameters() != null) {
            for (Object argument : function.getParameters()) {
                arguments.add((Expression) argument);
            }
        }
        return arguments;
    }

    private static void requireCount(String name, List<Expression> arguments, int count) {
        if (arguments.size() != count) {
            throw new AdqlException(name + " takes " + count + " argument(s) here, not " + arguments.size());
        }
    }

    /**
     * For two points of which neither is fixed, as in a cross-match, a condition that drops most pairs too far apart
     * in right ascension with a subtraction, before the distance's trigonometry: the declination band alone lets
     * through every row of the band, all round the sky. Away from the poles (the centre within 80 degrees of the
     * equator), two points within r degrees differ in right ascension by at most asin(sin r / cos 80), the widest
     * extent of such a cap, or that much short of a multiple of 360; nearer the poles, and for radii of 10 degrees or more or not constant, the
     * window lets every pair through. Ends with AND, or is empty.
     */
    private static String rightAscensionWindow(Point p, Point centre, OptionalDouble radius) {
        if (radius.isEmpty() || !(radius.getAsDouble() >= 0 && radius.getAsDouble() < 10)) {
            return "";
        }
        double r = Math.toRadians(radius.getAsDouble());
        double window = Math.toDegrees(Math.asin(Math.min(1, Math.sin(r) / Math.cos(Math.toRadians(80))))) + 1e-6;
        String apart = "ABS((" + p.ra() + ") - (" + centre.ra() + "))";
        return "(ABS(" + centre.dec() + ") > 80 OR NOT (" + apart + " > " + literal(window) + " AND " + apart + " < "
                + literal(360 - window) + ")) AND ";
    }

    /** The declination band a shape of this half-height spans; BETWEEN so the database can use an index. */
    private static String declinationBand(Point p, String centreDec, String halfHeight) {
        return "(" + p.dec() + " BETWEEN (" + centreDec + ") - " + halfHeight + " AND (" + centreDec + ") + "
                + halfHeight + ")";
    }

    /** Great-circle distance in degrees by the haversine formula, which stays exact for small separations. */
    private static String distance(Point a, Point b) {
        return "DEGREES(2 * ASIN(LEAST(1.0, SQRT(POWER(SIN(RADIANS((" + b.dec() + ") - (" + a.dec() + ")) / 2), 2)"
                + " + COS(RADIANS(" + a.dec() + ")) * COS(RADIANS(" + b.dec() + "))"
                + " * POWER(SIN(RADIANS((" + b.ra() + ") - (" + a.ra() + ")) / 2), 2)))))";
    }
}
