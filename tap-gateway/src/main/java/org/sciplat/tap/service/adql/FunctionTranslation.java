package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.AllColumns;

/**
 * Function calls: ADQL's geometry (see {@link Geometry}), the aggregates, and ADQL's mathematical, trigonometric
 * and string functions under the database's names for them. Any other function is refused.
 */
final class FunctionTranslation {

    private static final Set<String> AGGREGATES = Set.of("COUNT", "AVG", "MIN", "MAX", "SUM");

    /** An ADQL math or string function and the database's name for it. */
    private record MathFunction(String sqlName, int minArguments, int maxArguments) {
    }

    /** ADQL 2.0's mathematical and trigonometric functions (section 2.3.8), and 2.1's LOWER and UPPER. */
    private static final Map<String, MathFunction> MATH = Map.ofEntries(
            Map.entry("ABS", new MathFunction("ABS", 1, 1)),
            Map.entry("CEILING", new MathFunction("CEILING", 1, 1)),
            Map.entry("DEGREES", new MathFunction("DEGREES", 1, 1)),
            Map.entry("EXP", new MathFunction("EXP", 1, 1)),
            Map.entry("FLOOR", new MathFunction("FLOOR", 1, 1)),
            Map.entry("LOG", new MathFunction("LN", 1, 1)),
            Map.entry("LOG10", new MathFunction("LOG10", 1, 1)),
            Map.entry("MOD", new MathFunction("MOD", 2, 2)),
            Map.entry("PI", new MathFunction("PI", 0, 0)),
            Map.entry("POWER", new MathFunction("POWER", 2, 2)),
            Map.entry("RADIANS", new MathFunction("RADIANS", 1, 1)),
            Map.entry("RAND", new MathFunction("RAND", 0, 1)),
            Map.entry("ROUND", new MathFunction("ROUND", 1, 2)),
            Map.entry("SQRT", new MathFunction("SQRT", 1, 1)),
            Map.entry("TRUNCATE", new MathFunction("TRUNC", 1, 2)),
            Map.entry("ACOS", new MathFunction("ACOS", 1, 1)),
            Map.entry("ASIN", new MathFunction("ASIN", 1, 1)),
            Map.entry("ATAN", new MathFunction("ATAN", 1, 1)),
            Map.entry("ATAN2", new MathFunction("ATAN2", 2, 2)),
            Map.entry("COS", new MathFunction("COS", 1, 1)),
            Map.entry("COT", new MathFunction("COT", 1, 1)),
            Map.entry("SIN", new MathFunction("SIN", 1, 1)),
            Map.entry("TAN", new MathFunction("TAN", 1, 1)),
            Map.entry("LOWER", new MathFunction("LOWER", 1, 1)),
            Map.entry("UPPER", new MathFunction("UPPER", 1, 1)));

    private static final Set<String> TEXT_FUNCTIONS = Set.of("LOWER", "UPPER");

    private final ExpressionTranslation expressions;

    FunctionTranslation(ExpressionTranslation expressions) {
        this.expressions = expressions;
    }

    static boolean isTextFunction(String name) {
        return name != null && TEXT_FUNCTIONS.contains(name.toUpperCase(Locale.ROOT));
    }

    String function(net.sf.jsqlparser.expression.Function function, Scope scope) {
        if (function.getMultipartName() != null && function.getMultipartName().size() > 1
                || function.getAttribute() != null || function.getKeep() != null
                || function.getNamedParameters() != null || function.getOrderByElements() != null
                || function.getNullHandling() != null || function.isEscaped()) {
            throw new AdqlException("Function " + ExpressionTranslation.abbreviate(function.toString())
                    + " is not ADQL");
        }
        String name = function.getName().toUpperCase(Locale.ROOT);
        List<Expression> arguments = new ArrayList<>();
        if (function.getParameters() != null) {
            for (Object argument : function.getParameters()) {
                arguments.add((Expression) argument);
            }
        }
        if (Geometry.FUNCTIONS.contains(name)) {
            return expressions.geometry(scope).value(function, arguments);
        }
        if (AGGREGATES.contains(name)) {
            return aggregate(function, name, arguments, scope);
        }
        if (function.isDistinct() || function.isAllColumns() || function.isUnique()) {
            throw new AdqlException("DISTINCT and * are only allowed in aggregate functions");
        }
        MathFunction math = MATH.get(name);
        if (math == null) {
            throw new AdqlException("Function " + name + " is not an ADQL function this service supports;"
                    + " the supported ones are listed in the service's capabilities");
        }
        if (arguments.size() < math.minArguments() || arguments.size() > math.maxArguments()) {
            throw new AdqlException(name + " takes " + (math.minArguments() == math.maxArguments()
                    ? math.minArguments() : math.minArguments() + " to " + math.maxArguments())
                    + " argument(s), not " + arguments.size());
        }
        if (!isTextFunction(name) && arguments.stream().anyMatch(a -> expressions.isText(a, scope))) {
            throw new AdqlException(name + " takes numbers, not text");
        }
        List<String> sql = new ArrayList<>();
        for (Expression argument : arguments) {
            sql.add(expressions.value(argument, scope));
        }
        return math.sqlName() + "(" + String.join(", ", sql) + ")";
    }

    private String aggregate(net.sf.jsqlparser.expression.Function function, String name,
            List<Expression> arguments, Scope scope) {
        if (function.isAllColumns() || arguments.size() == 1 && arguments.get(0) instanceof AllColumns) {
            if (!name.equals("COUNT") || function.isDistinct()) {
                throw new AdqlException("Only COUNT(*) takes *");
            }
            return "COUNT(*)";
        }
        if (arguments.size() != 1 || function.isUnique()) {
            throw new AdqlException(name + " takes one argument");
        }
        if ((name.equals("AVG") || name.equals("SUM")) && expressions.isText(arguments.get(0), scope)) {
            throw new AdqlException(name + " takes numbers, not text");
        }
        return name + "(" + (function.isDistinct() ? "DISTINCT " : "") + expressions.value(arguments.get(0), scope)
                + ")";
    }
}
