package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import org.sciplat.tap.service.catalogue.Catalogue;

/**
 * Values and conditions: columns, literals, arithmetic, comparisons, LIKE, IN, EXISTS, CASE and subqueries;
 * function calls go to {@link FunctionTranslation}. Anything else is refused.
 */
final class ExpressionTranslation {

    private static final int MAX_NUMBER_LENGTH = 64;

    private final Catalogue catalogue;
    private final QueryTranslation query;
    private final FunctionTranslation functions;

    ExpressionTranslation(Catalogue catalogue, QueryTranslation query) {
        this.catalogue = catalogue;
        this.query = query;
        this.functions = new FunctionTranslation(this);
    }

    String value(Expression e, Scope scope) {
        Optional<String> sql = findTerm(e, scope);
        if (sql.isEmpty()) {
            sql = findArithmetic(e, scope);
        }
        if (sql.isEmpty()) {
            sql = findCondition(e, scope);
        }
        if (sql.isEmpty()) {
            sql = findComposite(e, scope);
        }
        return sql.orElseThrow(() -> new AdqlException("'" + abbreviate(e.toString()) + "' is not supported ADQL"));
    }

    /** A column or a literal. */
    private Optional<String> findTerm(Expression e, Scope scope) {
        if (e instanceof Column column) {
            Scope.Resolved resolved = scope.resolve(column);
            return Optional.of(resolved.source().columnSql(resolved.column(), catalogue));
        }
        if (e instanceof LongValue number) {
            return Optional.of(number(number.getStringValue()));
        }
        if (e instanceof DoubleValue number) {
            if (Double.isInfinite(number.getValue()) || Double.isNaN(number.getValue())) {
                throw new AdqlException("Number " + number + " is out of range");
            }
            return Optional.of(number(Double.toString(number.getValue())));
        }
        if (e instanceof StringValue string) {
            if (string.getPrefix() != null) {
                throw new AdqlException("Prefixed string literals such as " + string.getPrefix()
                        + "'...' are not ADQL");
            }
            String text = string.getValue().replace("''", "'");
            return Optional.of("'" + text.replace("'", "''") + "'");
        }
        if (e instanceof NullValue) {
            return Optional.of("NULL");
        }
        return Optional.empty();
    }

    /** Brackets, signs and the arithmetic and concatenation operators. */
    private Optional<String> findArithmetic(Expression e, Scope scope) {
        if (e instanceof Parenthesis parenthesis) {
            return Optional.of("(" + value(parenthesis.getExpression(), scope) + ")");
        }
        if (e instanceof ParenthesedExpressionList<?> list && !(e instanceof ParenthesedSelect)) {
            if (list.size() != 1) {
                throw new AdqlException("A list of values can only follow IN");
            }
            return Optional.of("(" + value(list.get(0), scope) + ")");
        }
        if (e instanceof SignedExpression signed) {
            if (signed.getSign() != '-' && signed.getSign() != '+') {
                throw new AdqlException("Operator " + signed.getSign() + " is not ADQL");
            }
            return Optional.of(signed.getSign() + "(" + value(signed.getExpression(), scope) + ")");
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication
                || e instanceof Division || e instanceof Concat) {
            var binary = (BinaryExpression) e;
            return Optional.of(binary(binary, " " + binary.getStringExpression() + " ", scope));
        }
        return Optional.empty();
    }

    /** The logical operators and the predicates of a WHERE or HAVING clause. */
    private Optional<String> findCondition(Expression e, Scope scope) {
        if (e instanceof AndExpression and) {
            return Optional.of(binary(and, " AND ", scope));
        }
        if (e instanceof OrExpression or) {
            return Optional.of(binary(or, " OR ", scope));
        }
        if (e instanceof NotExpression not) {
            return Optional.of("(NOT " + value(not.getExpression(), scope) + ")");
        }
        if (e instanceof ComparisonOperator comparison) {
            return Optional.of(comparison(comparison, scope));
        }
        if (e instanceof Between between) {
            return Optional.of(between(between, scope));
        }
        if (e instanceof IsNullExpression isNull) {
            return Optional.of(isNull(isNull, scope));
        }
        if (e instanceof LikeExpression like) {
            return Optional.of(like(like, scope));
        }
        if (e instanceof InExpression in) {
            return Optional.of(in(in, scope));
        }
        if (e instanceof ExistsExpression exists) {
            return Optional.of(exists(exists, scope));
        }
        return Optional.empty();
    }

    private String binary(BinaryExpression e, String operator, Scope scope) {
        return "(" + value(e.getLeftExpression(), scope) + operator + value(e.getRightExpression(), scope) + ")";
    }

    /** Subqueries, CASE and function calls. */
    private Optional<String> findComposite(Expression e, Scope scope) {
        if (e instanceof ParenthesedSelect subquery) {
            return Optional.of(subquery(subquery, scope));
        }
        if (e instanceof CaseExpression caseExpression) {
            return Optional.of(caseExpression(caseExpression, scope));
        }
        if (e instanceof net.sf.jsqlparser.expression.Function function) {
            return Optional.of(functions.function(function, scope));
        }
        return Optional.empty();
    }

    /**
     * Whether a value is text where the translator can know it, so that a numeric function of it is refused here
     * rather than by the database: a string literal, a text column, a concatenation, LOWER or UPPER.
     */
    boolean isText(Expression e, Scope scope) {
        if (e instanceof StringValue || e instanceof Concat) {
            return true;
        }
        if (e instanceof Parenthesis parenthesis) {
            return isText(parenthesis.getExpression(), scope);
        }
        if (e instanceof Column column) {
            String type = scope.resolve(column).column().datatype();
            return type.equals("char") || type.equals("unicodeChar");
        }
        return e instanceof net.sf.jsqlparser.expression.Function function
                && FunctionTranslation.isTextFunction(function.getName());
    }

    static long smallInteger(LongValue value) {
        try {
            return Long.parseLong(value.getStringValue());
        } catch (NumberFormatException e) {
            throw new AdqlException("The number " + abbreviate(value.getStringValue()) + " is out of range here");
        }
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static String number(String literal) {
        // the literal is written into the SQL as it stands, so it must be nothing but a number
        if (!literal.matches("[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?|-?[0-9.]+(E-?[0-9]+)?")) {
            throw new AdqlException("'" + abbreviate(literal) + "' is not a number");
        }
        if (literal.length() > MAX_NUMBER_LENGTH) {
            throw new AdqlException("The number " + abbreviate(literal) + " has too many digits");
        }
        return literal;
    }

    private String comparison(ComparisonOperator comparison, Scope scope) {
        if (!(comparison instanceof EqualsTo || comparison instanceof NotEqualsTo
                || comparison instanceof GreaterThan || comparison instanceof GreaterThanEquals
                || comparison instanceof MinorThan || comparison instanceof MinorThanEquals)
                || comparison.getOldOracleJoinSyntax() != 0) {
            throw new AdqlException("Operator " + comparison.getStringExpression() + " is not ADQL");
        }
        // every spelling of "not equal" (!=, ^=, ~=) is written the one way both databases read
        String operator = comparison instanceof NotEqualsTo ? "<>" : comparison.getStringExpression();
        Expression left = comparison.getLeftExpression();
        Expression right = comparison.getRightExpression();
        boolean equality = comparison instanceof EqualsTo || comparison instanceof NotEqualsTo;
        // CONTAINS(...) = 1 is how ADQL writes a geometric condition; it becomes the condition itself
        if (equality && Geometry.isPredicate(left) && right instanceof LongValue flag) {
            return geometricCondition((net.sf.jsqlparser.expression.Function) left, flag, comparison, scope);
        }
        if (equality && Geometry.isPredicate(right) && left instanceof LongValue flag) {
            return geometricCondition((net.sf.jsqlparser.expression.Function) right, flag, comparison, scope);
        }
        if (Geometry.isDistance(left) && (comparison instanceof MinorThan || comparison instanceof MinorThanEquals)) {
            return geometry(scope).distanceWithin((net.sf.jsqlparser.expression.Function) left, operator, right);
        }
        if (Geometry.isDistance(right)
                && (comparison instanceof GreaterThan || comparison instanceof GreaterThanEquals)) {
            return geometry(scope).distanceWithin((net.sf.jsqlparser.expression.Function) right,
                    comparison instanceof GreaterThan ? "<" : "<=", left);
        }
        return "(" + value(left, scope) + " " + operator + " " + value(right, scope) + ")";
    }

    private String geometricCondition(net.sf.jsqlparser.expression.Function predicate, LongValue flag,
            ComparisonOperator comparison, Scope scope) {
        long wanted = smallInteger(flag);
        if (wanted != 0 && wanted != 1) {
            throw new AdqlException(predicate.getName().toUpperCase(Locale.ROOT) + " is 1 or 0; compare it with"
                    + " 1 or 0");
        }
        String condition = geometry(scope).predicate(predicate);
        boolean holds = (wanted == 1) == (comparison instanceof EqualsTo);
        return holds ? condition : "(NOT " + condition + ")";
    }

    Geometry geometry(Scope scope) {
        return new Geometry(e -> value(e, scope), (ra, dec) -> findCellColumn(ra, dec, scope));
    }

    /** The sky-index cell column of the table whose position columns these are, if they are a table's. */
    private Optional<String> findCellColumn(Expression ra, Expression dec, Scope scope) {
        if (!(ra instanceof Column raColumn) || !(dec instanceof Column decColumn)) {
            return Optional.empty();
        }
        Scope.Resolved a = scope.resolve(raColumn);
        Scope.Resolved d = scope.resolve(decColumn);
        if (a.source() != d.source()) {
            return Optional.empty();
        }
        return a.source().table().findSkyIndex()
                .filter(index -> index.ra().equals(a.column().name()) && index.dec().equals(d.column().name()))
                .map(index -> "\"" + a.source().sqlAlias() + "\"." + catalogue.physical(index.cell()));
    }

    private String between(Between between, Scope scope) {
        return "(" + value(between.getLeftExpression(), scope) + (between.isNot() ? " NOT" : "")
                + " BETWEEN " + value(between.getBetweenExpressionStart(), scope) + " AND "
                + value(between.getBetweenExpressionEnd(), scope) + ")";
    }

    private String isNull(IsNullExpression isNull, Scope scope) {
        if (isNull.isUseNotNull()) {
            throw new AdqlException("NOTNULL is not ADQL: write IS NOT NULL");
        }
        return "(" + value(isNull.getLeftExpression(), scope) + (isNull.isNot() ? " IS NOT NULL)"
                : " IS NULL)");
    }

    private String exists(ExistsExpression exists, Scope scope) {
        if (!(exists.getRightExpression() instanceof ParenthesedSelect subquery)) {
            throw new AdqlException("EXISTS takes a subquery");
        }
        return "(" + (exists.isNot() ? "NOT " : "") + "EXISTS " + subquery(subquery, scope) + ")";
    }

    private String like(LikeExpression like, Scope scope) {
        String keyword = like.getLikeKeyWord() == null ? "LIKE" : like.getLikeKeyWord().toString();
        if (!keyword.equals("LIKE") && !keyword.equals("ILIKE")) {
            throw new AdqlException(keyword + " is not ADQL: use LIKE");
        }
        if (like.getEscape() != null) {
            throw new AdqlException("LIKE ... ESCAPE is not supported");
        }
        // ADQL's LIKE has no escape character; H2's would otherwise be the backslash
        return "(" + value(like.getLeftExpression(), scope) + (like.isNot() ? " NOT " : " ") + keyword + " "
                + value(like.getRightExpression(), scope) + " ESCAPE '')";
    }

    private String in(InExpression in, Scope scope) {
        if (in.isGlobal() || in.getOldOracleJoinSyntax() != 0) {
            throw new AdqlException("This form of IN is not ADQL");
        }
        String left = value(in.getLeftExpression(), scope);
        Expression right = in.getRightExpression();
        String values;
        if (right instanceof ParenthesedSelect subquery) {
            values = subquery(subquery, scope);
        } else if (right instanceof ExpressionList<?> list) {
            List<String> items = new ArrayList<>();
            for (Expression item : list) {
                items.add(value(item, scope));
            }
            if (items.isEmpty()) {
                throw new AdqlException("IN needs at least one value");
            }
            values = "(" + String.join(", ", items) + ")";
        } else {
            throw new AdqlException("IN takes a list of values in parentheses or a subquery");
        }
        return "(" + left + (in.isNot() ? " NOT IN " : " IN ") + values + ")";
    }

    private String subquery(ParenthesedSelect subquery, Scope scope) {
        if (subquery.getAlias() != null || subquery.getWithItemsList() != null
                && !subquery.getWithItemsList().isEmpty()) {
            throw new AdqlException("Subqueries take no alias or WITH here");
        }
        return "(" + query.query(AdqlTranslator.requirePlain(subquery.getSelect()), scope, Long.MAX_VALUE) + ")";
    }

    private String caseExpression(CaseExpression expression, Scope scope) {
        StringBuilder sql = new StringBuilder("(CASE");
        if (expression.getSwitchExpression() != null) {
            sql.append(' ').append(value(expression.getSwitchExpression(), scope));
        }
        for (WhenClause when : expression.getWhenClauses()) {
            sql.append(" WHEN ").append(value(when.getWhenExpression(), scope))
                    .append(" THEN ").append(value(when.getThenExpression(), scope));
        }
        if (expression.getElseExpression() != null) {
            sql.append(" ELSE ").append(value(expression.getElseExpression(), scope));
        }
        return sql.append(" END)").toString();
    }
}
