package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * ADQL's geometry on a database without spatial types: points, circles and boxes exist only while a query is
 * translated, and what a query asks of them becomes arithmetic on the coordinates. Distances are great-circle
 * distances (haversine), in degrees. A condition on a point given by a declination column first narrows the
 * declination to a band, which the database answers from the declination index instead of scanning the table.
 */
final class Geometry {

    /** The geometric functions of ADQL 2.0 this service supports, as its capabilities declare them. */
    static final List<String> DECLARED = List.of("POINT", "CIRCLE", "BOX", "CONTAINS", "INTERSECTS", "DISTANCE",
            "COORD1", "COORD2", "COORDSYS");
    static final Set<String> FUNCTIONS = Set.copyOf(DECLARED);
    private static final Set<String> PREDICATES = Set.of("CONTAINS", "INTERSECTS");

    private sealed interface Shape permits Point, Circle, Box {
    }

    private record Point(String ra, String dec) implements Shape {
    }

    private record Circle(Point centre, String radius) implements Shape {
    }

    /** A box spanning width degrees of right ascension and height degrees of declination around its centre. */
    private record Box(Point centre, String width, String height) implements Shape {
    }

    private final Function<Expression, String> sql;

    /** sql: how the translation writes an argument expression. */
    Geometry(Function<Expression, String> sql) {
        this.sql = sql;
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
            return "(" + declinationBand(p, c.centre().dec(), c.radius()) + " AND "
                    + distance(p, c.centre()) + " <= " + c.radius() + ")";
        }
        if (a instanceof Point p && b instanceof Box box) {
            String halfHeight = "(" + box.height() + ") / 2";
            return "(" + declinationBand(p, box.centre().dec(), halfHeight) + " AND ABS("
                    + raDifference(p.ra(), box.centre().ra()) + ") <= (" + box.width() + ") / 2)";
        }
        if (a instanceof Circle inner && b instanceof Circle outer) {
            return name.equals("CONTAINS")
                    ? "(" + distance(inner.centre(), outer.centre()) + " + " + inner.radius() + " <= "
                            + outer.radius() + ")"
                    : "(" + distance(inner.centre(), outer.centre()) + " <= " + inner.radius() + " + "
                            + outer.radius() + ")";
        }
        throw new AdqlException(name + " is supported for a POINT in a CIRCLE or BOX, and for two CIRCLEs");
    }

    static boolean isDistance(Expression expression) {
        return expression instanceof net.sf.jsqlparser.expression.Function f
                && f.getName().equalsIgnoreCase("DISTANCE");
    }

    /**
     * DISTANCE(a, b) < r (or <=) as a condition: the same great-circle test, preceded by declination bands around
     * each point, so that the database can answer a cone written this way from the declination index too.
     */
    String distanceWithin(net.sf.jsqlparser.expression.Function distance, String operator, String radius) {
        List<Expression> arguments = arguments(distance);
        Point a;
        Point b;
        if (arguments.size() == 4) {
            a = new Point(sql.apply(arguments.get(0)), sql.apply(arguments.get(1)));
            b = new Point(sql.apply(arguments.get(2)), sql.apply(arguments.get(3)));
        } else {
            requireCount("DISTANCE", arguments, 2);
            a = point("DISTANCE", arguments.get(0));
            b = point("DISTANCE", arguments.get(1));
        }
        String r = "(" + radius + ")";
        return "(" + declinationBand(a, b.dec(), r) + " AND " + declinationBand(b, a.dec(), r) + " AND "
                + distance(a, b) + " " + operator + " " + r + ")";
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
                    return distance(new Point(sql.apply(arguments.get(0)), sql.apply(arguments.get(1))),
                            new Point(sql.apply(arguments.get(2)), sql.apply(arguments.get(3))));
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
            throw new AdqlException(context + " expects POINT, CIRCLE or BOX arguments, not '" + expression + "'");
        }
        String name = f.getName().toUpperCase(Locale.ROOT);
        List<Expression> arguments = withoutCoordinateSystem(name, arguments(f));
        switch (name) {
            case "POINT" -> {
                requireCount(name, arguments, 2);
                return new Point(sql.apply(arguments.get(0)), sql.apply(arguments.get(1)));
            }
            case "CIRCLE" -> {
                if (arguments.size() == 2) {
                    return new Circle(point(name, arguments.get(0)), "(" + sql.apply(arguments.get(1)) + ")");
                }
                requireCount(name, arguments, 3);
                return new Circle(new Point(sql.apply(arguments.get(0)), sql.apply(arguments.get(1))),
                        "(" + sql.apply(arguments.get(2)) + ")");
            }
            case "BOX" -> {
                if (arguments.size() == 3) {
                    return new Box(point(name, arguments.get(0)), sql.apply(arguments.get(1)),
                            sql.apply(arguments.get(2)));
                }
                requireCount(name, arguments, 4);
                return new Box(new Point(sql.apply(arguments.get(0)), sql.apply(arguments.get(1))),
                        sql.apply(arguments.get(2)), sql.apply(arguments.get(3)));
            }
            default -> throw new AdqlException(context + " expects POINT, CIRCLE or BOX arguments, not " + name);
        }
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

    /** The declination band a shape of this half-height spans; BETWEEN so the database can use an index. */
    private static String declinationBand(Point p, String centreDec, String halfHeight) {
        return "(" + p.dec() + " BETWEEN (" + centreDec + ") - " + halfHeight + " AND (" + centreDec + ") + "
                + halfHeight + ")";
    }

    /** Right ascension a minus b, wrapped into [-180, 180). */
    private static String raDifference(String a, String b) {
        String d = "((" + a + ") - (" + b + "))";
        return "(" + d + " - 360 * FLOOR((" + d + " + 180) / 360))";
    }

    /** Great-circle distance in degrees by the haversine formula, which stays exact for small separations. */
    private static String distance(Point a, Point b) {
        return "DEGREES(2 * ASIN(LEAST(1.0, SQRT(POWER(SIN(RADIANS((" + b.dec() + ") - (" + a.dec() + ")) / 2), 2)"
                + " + COS(RADIANS(" + a.dec() + ")) * COS(RADIANS(" + b.dec() + "))"
                + " * POWER(SIN(RADIANS((" + b.ra() + ") - (" + a.ra() + ")) / 2), 2)))))";
    }
}
