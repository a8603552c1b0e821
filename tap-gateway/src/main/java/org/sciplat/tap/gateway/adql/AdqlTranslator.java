package org.sciplat.tap.gateway.adql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import net.sf.jsqlparser.JSQLParserException;
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
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Top;
import org.sciplat.tap.gateway.catalogue.Catalogue;
import org.sciplat.tap.gateway.catalogue.TapColumn;
import org.sciplat.tap.gateway.catalogue.TapTable;

/**
 * Turns ADQL 2.0 into SQL the database runs, or refuses it. The SQL is written anew from the parsed query, one
 * allowed construct at a time: whatever this class does not know how to write cannot reach the database. Table
 * and column names must be published ones, functions must be ADQL's, and the database sees only quoted names
 * and literals it cannot read as anything else.
 */
public final class AdqlTranslator {

    /** Longer queries are refused before parsing; no real query comes close. */
    public static final int MAX_QUERY_LENGTH = 100_000;
    private static final int MAX_NUMBER_LENGTH = 64;

    /** Deeper bracket nesting is refused before parsing: no real query needs it, and it makes parsing slow. */
    static final int MAX_NESTING = 32;
    private static final long PARSE_TIME_OUT_MILLIS = 2_000;

    private final Catalogue catalogue;
    private final ExecutorService parsing;

    /** parsing: where JSqlParser runs, so that it can be stopped at its time-out. */
    public AdqlTranslator(Catalogue catalogue, ExecutorService parsing) {
        this.catalogue = catalogue;
        this.parsing = parsing;
    }

    /** The SQL for an ADQL query whose result is limited to maxrec rows (with one more fetched to see overflow). */
    public TranslatedQuery translate(String adql, long maxrec) {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("The QUERY parameter is empty: give an ADQL SELECT statement");
        }
        if (adql.length() > MAX_QUERY_LENGTH) {
            throw new AdqlException("The query is " + adql.length() + " characters long; at most "
                    + MAX_QUERY_LENGTH + " are accepted");
        }
        requireModestNesting(adql);
        try {
            PlainSelect select = parse(adql);
            Translation translation = new Translation();
            String sql = translation.query(select, null, maxrec);
            return new TranslatedQuery(sql, translation.outputs);
        } catch (StackOverflowError e) {
            throw new AdqlException("The query is nested too deeply to be read");
        }
    }

    /** Brackets outside string literals and delimited names, at most {@link #MAX_NESTING} deep. */
    private static void requireModestNesting(String adql) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < adql.length(); i++) {
            char c = adql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' && ++depth > MAX_NESTING) {
                throw new AdqlException("The query nests brackets more than " + MAX_NESTING + " deep");
            } else if (c == ')') {
                depth--;
            }
        }
    }

    private PlainSelect parse(String adql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(adql, parsing,
                    parser -> parser.withTimeOut(PARSE_TIME_OUT_MILLIS));
        } catch (JSQLParserException e) {
            throw new AdqlException("The query is not valid ADQL: " + parserMessage(e));
        } catch (RuntimeException e) {
            throw new AdqlException("The query is not valid ADQL");
        }
        if (statements == null || statements.size() != 1) {
            throw new AdqlException("Give exactly one SELECT statement; "
                    + (statements == null ? 0 : statements.size()) + " were found");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw new AdqlException("Only SELECT statements can be run: the service is read-only");
        }
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            throw new AdqlException("WITH (common table expressions) is not part of ADQL 2.0");
        }
        if (select instanceof SetOperationList) {
            throw new AdqlException("UNION, INTERSECT and EXCEPT are not part of ADQL 2.0");
        }
        if (select instanceof ParenthesedSelect parenthesed) {
            return requirePlain(parenthesed.getSelect());
        }
        return requirePlain(select);
    }

    private static PlainSelect requirePlain(Select select) {
        if (select instanceof PlainSelect plain) {
            return plain;
        }
        throw new AdqlException("Only a plain SELECT ... FROM ... query is supported");
    }

    private static String parserMessage(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "syntax error" : cause.getMessage();
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    /** An identifier as written: delimited ones ("Name") are case-sensitive, regular ones are not. */
    private record Name(String text, boolean delimited) {

        static Name of(String raw) {
            if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                return new Name(raw.substring(1, raw.length() - 1).replace("\"\"", "\""), true);
            }
            if (raw.startsWith("`") || raw.startsWith("[")) {
                throw new AdqlException("Identifier " + raw + " is not ADQL: quote names with double quotes");
            }
            return new Name(raw.toLowerCase(Locale.ROOT), false);
        }

        boolean is(String published) {
            return delimited ? text.equals(published) : text.equalsIgnoreCase(published);
        }

        boolean sameAs(Name other) {
            return delimited || other.delimited ? text.equals(other.text) : text.equalsIgnoreCase(other.text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A table in a FROM clause, with the alias the query gives it and the one the SQL uses. */
    private record Source(TapTable table, Name alias, String sqlAlias) {

        boolean answersTo(Table qualifier) {
            Name name = Name.of(qualifier.getName());
            if (qualifier.getSchemaName() != null) {
                return alias == null && Name.of(qualifier.getSchemaName()).is(table.schema()) && name.is(table.name());
            }
            return alias != null ? alias.sameAs(name) : name.is(table.name());
        }
    }

    /** The tables a SELECT reads, and those of the queries around it, for correlated subqueries. */
    private static final class Scope {
        final List<Source> sources = new ArrayList<>();
        final Set<String> mergedColumns = new HashSet<>();
        final Scope outer;
        final List<SelectOutput> outputs = new ArrayList<>();

        Scope(Scope outer) {
            this.outer = outer;
        }
    }

    private record SelectOutput(Name name, String sql, String sqlAlias) {
    }

    private record Resolved(Source source, TapColumn column) {
    }

    private final class Translation {
        private final List<OutputColumn> outputs = new ArrayList<>();
        private int aliases;

        String query(PlainSelect select, Scope outer, long maxrec) {
            boolean top = outer == null;
            rejectNonAdqlClauses(select);
            Scope scope = new Scope(outer);
            StringBuilder sql = new StringBuilder("SELECT ");
            if (select.getDistinct() != null) {
                Distinct distinct = select.getDistinct();
                if (distinct.getOnSelectItems() != null || distinct.isUseUnique()) {
                    throw new AdqlException("Only plain DISTINCT is ADQL");
                }
                sql.append("DISTINCT ");
            }
            if (select.getFromItem() == null) {
                throw new AdqlException("A query must read FROM a table");
            }
            String from = from(select, scope);
            sql.append(selectList(select, scope, top)).append(" FROM ").append(from);
            if (select.getWhere() != null) {
                sql.append(" WHERE ").append(value(select.getWhere(), scope));
            }
            if (select.getGroupBy() != null) {
                sql.append(" GROUP BY ").append(groupBy(select.getGroupBy(), scope));
            }
            if (select.getHaving() != null) {
                sql.append(" HAVING ").append(value(select.getHaving(), scope));
            }
            if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
                sql.append(" ORDER BY ").append(orderBy(select.getOrderByElements(), scope));
            }
            long limit = top(select.getTop());
            if (top) {
                // one row beyond MAXREC tells an overflow from a result that happens to be exactly MAXREC long
                long fetch = maxrec == Long.MAX_VALUE ? limit : Math.min(limit, maxrec + 1);
                if (fetch != Long.MAX_VALUE) {
                    sql.append(" FETCH FIRST ").append(fetch).append(" ROWS ONLY");
                }
            } else if (limit != Long.MAX_VALUE) {
                sql.append(" FETCH FIRST ").append(limit).append(" ROWS ONLY");
            }
            return sql.toString();
        }

        private void rejectNonAdqlClauses(PlainSelect select) {
            if (select.getLimit() != null) {
                throw new AdqlException("LIMIT is not ADQL: use SELECT TOP n, or the MAXREC parameter");
            }
            if (select.getOffset() != null || select.getFetch() != null) {
                throw new AdqlException("OFFSET and FETCH are not ADQL: use SELECT TOP n");
            }
            if (select.getIntoTables() != null) {
                throw new AdqlException("SELECT INTO is not allowed: the service is read-only");
            }
            if (select.getForMode() != null || select.getForUpdateTable() != null) {
                throw new AdqlException("FOR UPDATE is not allowed: the service is read-only");
            }
            PlainSelect adqlPart = new PlainSelect();
            adqlPart.setDistinct(select.getDistinct());
            adqlPart.setTop(select.getTop());
            adqlPart.setSelectItems(select.getSelectItems());
            adqlPart.setFromItem(select.getFromItem());
            adqlPart.setJoins(select.getJoins());
            adqlPart.setWhere(select.getWhere());
            adqlPart.setGroupByElement(select.getGroupBy());
            adqlPart.setHaving(select.getHaving());
            adqlPart.setOrderByElements(select.getOrderByElements());
            if (!adqlPart.toString().equals(select.toString())) {
                throw new AdqlException("The query uses SQL that is not part of ADQL 2.0 (a database-specific"
                        + " clause); write it with SELECT [DISTINCT] [TOP n] ... FROM ... [WHERE] [GROUP BY]"
                        + " [HAVING] [ORDER BY]");
            }
        }

        private long top(Top top) {
            if (top == null) {
                return Long.MAX_VALUE;
            }
            if (top.isPercentage() || top.isWithTies() || !(top.getExpression() instanceof LongValue count)) {
                throw new AdqlException("TOP takes a whole number of rows, as in SELECT TOP 10 ...");
            }
            try {
                long n = Long.parseLong(count.getStringValue());
                if (n < 0) {
                    throw new AdqlException("TOP must not be negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new AdqlException("TOP " + count.getStringValue() + " is too large");
            }
        }

        private String from(PlainSelect select, Scope scope) {
            StringBuilder sql = new StringBuilder(table(select.getFromItem(), scope));
            if (select.getJoins() == null) {
                return sql.toString();
            }
            for (Join join : select.getJoins()) {
                sql.append(join(join, scope));
            }
            return sql.toString();
        }

        private String join(Join join, Scope scope) {
            if (join.isSemi() || join.isStraight() || join.isApply() || join.getJoinWindow() != null) {
                throw new AdqlException("This kind of JOIN is not ADQL");
            }
            List<Source> before = List.copyOf(scope.sources);
            String right = table(join.getFromItem(), scope);
            if (join.isSimple()) {
                return ", " + right;
            }
            if (join.isCross()) {
                return " CROSS JOIN " + right;
            }
            if (join.isOuter() && !join.isLeft() && !join.isRight() && !join.isFull()) {
                throw new AdqlException("OUTER JOIN needs LEFT, RIGHT or FULL");
            }
            String kind = join.isLeft() ? "LEFT OUTER JOIN " : join.isRight() ? "RIGHT OUTER JOIN "
                    : join.isFull() ? "FULL OUTER JOIN " : "INNER JOIN ";
            Source added = scope.sources.get(scope.sources.size() - 1);
            if (join.isNatural()) {
                Set<String> common = new HashSet<>();
                for (Source s : before) {
                    s.table().columns().forEach(c -> added.table().column(c.name()).ifPresent(x -> common.add(c.name())));
                }
                scope.mergedColumns.addAll(common);
                return " NATURAL " + (kind.startsWith("INNER") ? "JOIN " : kind) + right;
            }
            boolean hasOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
            boolean hasUsing = join.getUsingColumns() != null && !join.getUsingColumns().isEmpty();
            if (hasOn == hasUsing) {
                throw new AdqlException("A JOIN needs either ON (condition) or USING (columns)");
            }
            if (hasUsing) {
                List<String> using = new ArrayList<>();
                for (Column column : join.getUsingColumns()) {
                    Name name = Name.of(column.getColumnName());
                    TapColumn published = added.table().columns().stream().filter(c -> name.is(c.identifier()))
                            .findFirst().orElseThrow(() -> new AdqlException("Column '" + name + "' in USING is not"
                                    + " a column of " + added.table().qualifiedName()));
                    scope.mergedColumns.add(published.name());
                    using.add(catalogue.physical(published.identifier()));
                }
                return " " + kind + right + " USING (" + String.join(", ", using) + ")";
            }
            List<String> conditions = new ArrayList<>();
            for (Expression on : join.getOnExpressions()) {
                conditions.add(value(on, scope));
            }
            return " " + kind + right + " ON " + String.join(" AND ", conditions);
        }

        private String table(FromItem item, Scope scope) {
            if (!(item instanceof Table table)) {
                throw new AdqlException("Only published tables can follow FROM or JOIN (no subqueries there)");
            }
            if (table.getDatabase() != null && table.getDatabase().getDatabaseName() != null
                    || table.getPivot() != null || table.getUnPivot() != null || table.getSampleClause() != null
                    || table.getIndexHint() != null || table.getSqlServerHints() != null) {
                throw new AdqlException("Table " + table + " is not written as ADQL: use schema.table [AS alias]");
            }
            TapTable published = published(table);
            Name alias = null;
            if (table.getAlias() != null) {
                if (table.getAlias().getAliasColumns() != null) {
                    throw new AdqlException("Column aliases on a table are not ADQL");
                }
                alias = Name.of(table.getAlias().getName());
            }
            String sqlAlias = "t" + (++aliases);
            scope.sources.add(new Source(published, alias, sqlAlias));
            return catalogue.physical(published) + " AS \"" + sqlAlias + "\"";
        }

        private TapTable published(Table table) {
            Name name = Name.of(table.getName());
            String shown = table.getSchemaName() == null ? name.text() : table.getSchemaName() + "." + name.text();
            Optional<TapTable> found;
            if (table.getSchemaName() != null) {
                Name schema = Name.of(table.getSchemaName());
                found = catalogue.tables().stream()
                        .filter(t -> schema.is(t.schema()) && name.is(t.name())).findFirst();
            } else {
                List<TapTable> candidates = catalogue.tables().stream().filter(t -> name.is(t.name())).toList();
                if (candidates.size() > 1) {
                    throw new AdqlException("Table name '" + name + "' is ambiguous: qualify it with its schema, as"
                            + " in " + candidates.get(0).qualifiedName());
                }
                found = candidates.stream().findFirst();
            }
            return found.orElseThrow(() -> new AdqlException("Table '" + shown + "' does not exist or is not"
                    + " published: the service's tables are listed at /tables and in TAP_SCHEMA.tables"));
        }

        private String selectList(PlainSelect select, Scope scope, boolean top) {
            List<String> items = new ArrayList<>();
            for (SelectItem<?> item : select.getSelectItems()) {
                Expression expression = item.getExpression();
                if (expression instanceof AllTableColumns all) {
                    Source source = scope.sources.stream().filter(s -> s.answersTo(all.getTable())).findFirst()
                            .orElseThrow(() -> new AdqlException("'" + all.getTable() + "' in '" + all
                                    + "' is not a table of the FROM clause"));
                    source.table().columns().forEach(c -> items.add(output(scope, top, Name.of(c.identifier()),
                            columnSql(source, c), c)));
                } else if (expression instanceof AllColumns all) {
                    if (all.getExceptColumns() != null || all.getReplaceExpressions() != null) {
                        throw new AdqlException("SELECT * EXCEPT/REPLACE is not ADQL");
                    }
                    for (Source source : scope.sources) {
                        source.table().columns().forEach(c -> items.add(output(scope, top, Name.of(c.identifier()),
                                columnSql(source, c), c)));
                    }
                } else {
                    TapColumn published = null;
                    Name name;
                    if (expression instanceof Column column) {
                        Resolved resolved = resolve(column, scope);
                        published = resolved.column();
                        name = Name.of(resolved.column().identifier());
                    } else if (expression instanceof net.sf.jsqlparser.expression.Function function) {
                        name = Name.of(function.getName().toLowerCase(Locale.ROOT));
                    } else {
                        name = Name.of("expr" + (items.size() + 1));
                    }
                    if (item.getAlias() != null) {
                        if (item.getAlias().getAliasColumns() != null) {
                            throw new AdqlException("Column alias lists are not ADQL");
                        }
                        name = Name.of(item.getAlias().getName());
                    }
                    items.add(output(scope, top, name, value(expression, scope), published));
                }
            }
            return String.join(", ", items);
        }

        private String output(Scope scope, boolean top, Name name, String sql, TapColumn published) {
            String sqlAlias = "c" + (scope.outputs.size() + 1);
            scope.outputs.add(new SelectOutput(name, sql, sqlAlias));
            if (top) {
                outputs.add(new OutputColumn(name.text(), published));
            }
            return sql + " AS \"" + sqlAlias + "\"";
        }

        private String groupBy(GroupByElement groupBy, Scope scope) {
            if (groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()) {
                throw new AdqlException("GROUPING SETS is not ADQL");
            }
            List<String> parts = new ArrayList<>();
            for (Object e : groupBy.getGroupByExpressionList()) {
                Expression expression = (Expression) e;
                parts.add(outputAlias(expression, scope).map(SelectOutput::sql)
                        .orElseGet(() -> value(expression, scope)));
            }
            return String.join(", ", parts);
        }

        private String orderBy(List<OrderByElement> elements, Scope scope) {
            List<String> parts = new ArrayList<>();
            for (OrderByElement element : elements) {
                if (element.getNullOrdering() != null) {
                    throw new AdqlException("NULLS FIRST/LAST is not ADQL");
                }
                Expression expression = element.getExpression();
                String sql;
                if (expression instanceof LongValue position) {
                    long p = smallInteger(position);
                    if (p < 1 || p > scope.outputs.size()) {
                        throw new AdqlException("ORDER BY " + p + " does not name a column of the SELECT list");
                    }
                    sql = "\"" + scope.outputs.get((int) p - 1).sqlAlias() + "\"";
                } else {
                    sql = outputAlias(expression, scope).map(o -> "\"" + o.sqlAlias() + "\"")
                            .orElseGet(() -> value(expression, scope));
                }
                parts.add(sql + (element.isAscDescPresent() && !element.isAsc() ? " DESC" : " ASC"));
            }
            return String.join(", ", parts);
        }

        /** A bare name in GROUP BY or ORDER BY that is a SELECT-list alias and not a column of the tables. */
        private Optional<SelectOutput> outputAlias(Expression expression, Scope scope) {
            if (!(expression instanceof Column column) || column.getTable() != null
                    && column.getTable().getName() != null) {
                return Optional.empty();
            }
            Name name = Name.of(column.getColumnName());
            boolean isTableColumn = scope.sources.stream()
                    .anyMatch(s -> s.table().columns().stream().anyMatch(c -> name.is(c.identifier())));
            if (isTableColumn) {
                return Optional.empty();
            }
            return scope.outputs.stream().filter(o -> o.name().sameAs(name)).findFirst();
        }

        private Resolved resolve(Column column, Scope scope) {
            Name name = Name.of(column.getColumnName());
            Table qualifier = column.getTable() != null && column.getTable().getName() != null
                    ? column.getTable() : null;
            for (Scope s = scope; s != null; s = s.outer) {
                List<Resolved> matches = new ArrayList<>();
                for (Source source : s.sources) {
                    if (qualifier != null && !source.answersTo(qualifier)) {
                        continue;
                    }
                    source.table().columns().stream().filter(c -> name.is(c.identifier())).findFirst()
                            .ifPresent(c -> matches.add(new Resolved(source, c)));
                }
                if (matches.size() == 1 || matches.size() > 1 && s.mergedColumns.contains(matches.get(0)
                        .column().name())) {
                    return matches.get(0);
                }
                if (matches.size() > 1) {
                    throw new AdqlException("Column '" + name + "' is ambiguous: qualify it with its table");
                }
            }
            String where = qualifier == null ? "any table of the FROM clause" : "'" + qualifier + "'";
            throw new AdqlException("Column '" + (qualifier == null ? "" : qualifier + ".") + name + "' is not a"
                    + " column of " + where);
        }

        private String columnSql(Source source, TapColumn column) {
            return "\"" + source.sqlAlias() + "\"." + catalogue.physical(column.identifier());
        }

        private String value(Expression e, Scope scope) {
            if (e instanceof Column column) {
                Resolved resolved = resolve(column, scope);
                return columnSql(resolved.source(), resolved.column());
            }
            if (e instanceof LongValue number) {
                return number(number.getStringValue());
            }
            if (e instanceof DoubleValue number) {
                if (Double.isInfinite(number.getValue()) || Double.isNaN(number.getValue())) {
                    throw new AdqlException("Number " + number + " is out of range");
                }
                return number(Double.toString(number.getValue()));
            }
            if (e instanceof StringValue string) {
                if (string.getPrefix() != null) {
                    throw new AdqlException("Prefixed string literals such as " + string.getPrefix()
                            + "'...' are not ADQL");
                }
                String text = string.getValue().replace("''", "'");
                return "'" + text.replace("'", "''") + "'";
            }
            if (e instanceof NullValue) {
                return "NULL";
            }
            if (e instanceof Parenthesis parenthesis) {
                return "(" + value(parenthesis.getExpression(), scope) + ")";
            }
            if (e instanceof ParenthesedExpressionList<?> list && !(e instanceof ParenthesedSelect)) {
                if (list.size() != 1) {
                    throw new AdqlException("A list of values can only follow IN");
                }
                return "(" + value(list.get(0), scope) + ")";
            }
            if (e instanceof SignedExpression signed) {
                if (signed.getSign() != '-' && signed.getSign() != '+') {
                    throw new AdqlException("Operator " + signed.getSign() + " is not ADQL");
                }
                return signed.getSign() + "(" + value(signed.getExpression(), scope) + ")";
            }
            if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication
                    || e instanceof Division || e instanceof Concat) {
                var binary = (net.sf.jsqlparser.expression.BinaryExpression) e;
                return "(" + value(binary.getLeftExpression(), scope) + " " + binary.getStringExpression() + " "
                        + value(binary.getRightExpression(), scope) + ")";
            }
            if (e instanceof AndExpression and) {
                return "(" + value(and.getLeftExpression(), scope) + " AND "
                        + value(and.getRightExpression(), scope) + ")";
            }
            if (e instanceof OrExpression or) {
                return "(" + value(or.getLeftExpression(), scope) + " OR "
                        + value(or.getRightExpression(), scope) + ")";
            }
            if (e instanceof NotExpression not) {
                return "(NOT " + value(not.getExpression(), scope) + ")";
            }
            if (e instanceof ComparisonOperator comparison) {
                return comparison(comparison, scope);
            }
            if (e instanceof Between between) {
                return "(" + value(between.getLeftExpression(), scope) + (between.isNot() ? " NOT" : "")
                        + " BETWEEN " + value(between.getBetweenExpressionStart(), scope) + " AND "
                        + value(between.getBetweenExpressionEnd(), scope) + ")";
            }
            if (e instanceof IsNullExpression isNull) {
                if (isNull.isUseNotNull()) {
                    throw new AdqlException("NOTNULL is not ADQL: write IS NOT NULL");
                }
                return "(" + value(isNull.getLeftExpression(), scope) + (isNull.isNot() ? " IS NOT NULL)"
                        : " IS NULL)");
            }
            if (e instanceof LikeExpression like) {
                return like(like, scope);
            }
            if (e instanceof InExpression in) {
                return in(in, scope);
            }
            if (e instanceof ExistsExpression exists) {
                if (!(exists.getRightExpression() instanceof ParenthesedSelect subquery)) {
                    throw new AdqlException("EXISTS takes a subquery");
                }
                return "(" + (exists.isNot() ? "NOT " : "") + "EXISTS " + subquery(subquery, scope) + ")";
            }
            if (e instanceof ParenthesedSelect subquery) {
                return subquery(subquery, scope);
            }
            if (e instanceof CaseExpression caseExpression) {
                return caseExpression(caseExpression, scope);
            }
            if (e instanceof net.sf.jsqlparser.expression.Function function) {
                return function(function, scope);
            }
            throw new AdqlException("'" + abbreviate(e.toString()) + "' is not supported ADQL");
        }

        private long smallInteger(LongValue value) {
            try {
                return Long.parseLong(value.getStringValue());
            } catch (NumberFormatException e) {
                throw new AdqlException("The number " + abbreviate(value.getStringValue()) + " is out of range here");
            }
        }

        private String number(String literal) {
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
                return geometry(scope).distanceWithin((net.sf.jsqlparser.expression.Function) left, operator,
                        value(right, scope));
            }
            if (Geometry.isDistance(right)
                    && (comparison instanceof GreaterThan || comparison instanceof GreaterThanEquals)) {
                return geometry(scope).distanceWithin((net.sf.jsqlparser.expression.Function) right,
                        comparison instanceof GreaterThan ? "<" : "<=", value(left, scope));
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

        private Geometry geometry(Scope scope) {
            return new Geometry(e -> value(e, scope));
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
            return "(" + query(requirePlain(subquery.getSelect()), scope, Long.MAX_VALUE) + ")";
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

        private String function(net.sf.jsqlparser.expression.Function function, Scope scope) {
            if (function.getMultipartName() != null && function.getMultipartName().size() > 1
                    || function.getAttribute() != null || function.getKeep() != null
                    || function.getNamedParameters() != null || function.getOrderByElements() != null
                    || function.getNullHandling() != null || function.isEscaped()) {
                throw new AdqlException("Function " + abbreviate(function.toString()) + " is not ADQL");
            }
            String name = function.getName().toUpperCase(Locale.ROOT);
            List<Expression> arguments = new ArrayList<>();
            if (function.getParameters() != null) {
                for (Object argument : function.getParameters()) {
                    arguments.add((Expression) argument);
                }
            }
            if (Geometry.FUNCTIONS.contains(name)) {
                return geometry(scope).value(function, arguments);
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
            List<String> sql = new ArrayList<>();
            for (Expression argument : arguments) {
                sql.add(value(argument, scope));
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
            return name + "(" + (function.isDistinct() ? "DISTINCT " : "") + value(arguments.get(0), scope) + ")";
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

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

    /** The geometric functions the service supports, as its capabilities declare them. */
    public static List<String> geometryFunctions() {
        return Geometry.DECLARED;
    }
}
