package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Top;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapColumn;

/**
 * One query's translation, and its SELECT statement's clauses: the SELECT list, GROUP BY, ORDER BY and TOP. The
 * FROM clause and the expressions are translated by classes of their own; subqueries come back here.
 */
final class QueryTranslation {

    private final Catalogue catalogue;
    private final ExpressionTranslation expressions;
    private final FromTranslation from;
    private final List<OutputColumn> outputs = new ArrayList<>();

    QueryTranslation(Catalogue catalogue, List<UploadedTable> uploads) {
        this.catalogue = catalogue;
        this.expressions = new ExpressionTranslation(catalogue, this);
        this.from = new FromTranslation(catalogue, uploads, expressions);
    }

    /** The columns of the outermost query's result, once it is translated. */
    List<OutputColumn> outputs() {
        return outputs;
    }

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
        String fromSql = from.from(select, scope);
        sql.append(selectList(select, scope, top)).append(" FROM ").append(fromSql);
        if (select.getWhere() != null) {
            sql.append(" WHERE ").append(expressions.value(select.getWhere(), scope));
        }
        if (select.getGroupBy() != null) {
            sql.append(" GROUP BY ").append(groupBy(select.getGroupBy(), scope));
        }
        if (select.getHaving() != null) {
            sql.append(" HAVING ").append(expressions.value(select.getHaving(), scope));
        }
        if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
            sql.append(" ORDER BY ").append(orderBy(select.getOrderByElements(), scope));
        }
        return sql.append(fetch(top(select.getTop()), top, maxrec)).toString();
    }

    /** The row limit: TOP, and for the outermost query MAXREC too. */
    private static String fetch(long limit, boolean top, long maxrec) {
        if (top) {
            // one row beyond MAXREC tells an overflow from a result that happens to be exactly MAXREC long
            long fetch = maxrec == Long.MAX_VALUE ? limit : Math.min(limit, maxrec + 1);
            if (fetch != Long.MAX_VALUE) {
                return " FETCH FIRST " + fetch + " ROWS ONLY";
            }
        } else if (limit != Long.MAX_VALUE) {
            return " FETCH FIRST " + limit + " ROWS ONLY";
        }
        return "";
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

    private String selectList(PlainSelect select, Scope scope, boolean top) {
        List<String> items = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllTableColumns all) {
                Source source = scope.sources.stream().filter(s -> s.answersTo(all.getTable())).findFirst()
                        .orElseThrow(() -> new AdqlException("'" + all.getTable() + "' in '" + all
                                + "' is not a table of the FROM clause"));
                everyColumn(source, scope, top, items);
            } else if (expression instanceof AllColumns all) {
                if (all.getExceptColumns() != null || all.getReplaceExpressions() != null) {
                    throw new AdqlException("SELECT * EXCEPT/REPLACE is not ADQL");
                }
                for (Source source : scope.sources) {
                    everyColumn(source, scope, top, items);
                }
            } else {
                items.add(item(item, scope, top, items.size() + 1));
            }
        }
        return String.join(", ", items);
    }

    private void everyColumn(Source source, Scope scope, boolean top, List<String> items) {
        source.table().columns().forEach(c -> items.add(output(scope, top, Name.of(c.identifier()),
                source.columnSql(c, catalogue), c)));
    }

    /** One expression of the SELECT list, named by its alias, else its column or function, else its position. */
    private String item(SelectItem<?> item, Scope scope, boolean top, int position) {
        Expression expression = item.getExpression();
        TapColumn published = null;
        Name name;
        if (expression instanceof Column column) {
            Scope.Resolved resolved = scope.resolve(column);
            published = resolved.column();
            name = Name.of(resolved.column().identifier());
        } else if (expression instanceof net.sf.jsqlparser.expression.Function function) {
            name = Name.of(function.getName().toLowerCase(Locale.ROOT));
        } else {
            name = Name.of("expr" + position);
        }
        if (item.getAlias() != null) {
            if (item.getAlias().getAliasColumns() != null) {
                throw new AdqlException("Column alias lists are not ADQL");
            }
            name = Name.of(item.getAlias().getName());
        }
        return output(scope, top, name, expressions.value(expression, scope), published);
    }

    private String output(Scope scope, boolean top, Name name, String sql, TapColumn published) {
        String sqlAlias = "c" + (scope.outputs.size() + 1);
        scope.outputs.add(new Scope.SelectOutput(name, sql, sqlAlias));
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
            parts.add(scope.findOutputAlias(expression).map(Scope.SelectOutput::sql)
                    .orElseGet(() -> expressions.value(expression, scope)));
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
                long p = ExpressionTranslation.smallInteger(position);
                if (p < 1 || p > scope.outputs.size()) {
                    throw new AdqlException("ORDER BY " + p + " does not name a column of the SELECT list");
                }
                sql = "\"" + scope.outputs.get((int) p - 1).sqlAlias() + "\"";
            } else {
                sql = scope.findOutputAlias(expression).map(o -> "\"" + o.sqlAlias() + "\"")
                        .orElseGet(() -> expressions.value(expression, scope));
            }
            parts.add(sql + (element.isAscDescPresent() && !element.isAsc() ? " DESC" : " ASC"));
        }
        return String.join(", ", parts);
    }
}
