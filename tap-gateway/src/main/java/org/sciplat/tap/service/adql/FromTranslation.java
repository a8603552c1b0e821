package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapTable;

/**
 * A FROM clause: published tables only, each under an alias of the SQL's own, and the joins between them. The
 * tables join the scope, where the rest of the query finds their columns.
 */
final class FromTranslation {

    private final Catalogue catalogue;
    private final List<UploadedTable> uploads;
    private final ExpressionTranslation expressions;
    private int aliases;

    FromTranslation(Catalogue catalogue, List<UploadedTable> uploads, ExpressionTranslation expressions) {
        this.catalogue = catalogue;
        this.uploads = List.copyOf(uploads);
        this.expressions = expressions;
    }

    String from(PlainSelect select, Scope scope) {
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
            mergeCommonColumns(before, added, scope);
            return " NATURAL " + (kind.startsWith("INNER") ? "JOIN " : kind) + right;
        }
        boolean hasOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
        boolean hasUsing = join.getUsingColumns() != null && !join.getUsingColumns().isEmpty();
        if (hasOn == hasUsing) {
            throw new AdqlException("A JOIN needs either ON (condition) or USING (columns)");
        }
        if (hasUsing) {
            return " " + kind + right + " USING (" + using(join.getUsingColumns(), added, scope) + ")";
        }
        List<String> conditions = new ArrayList<>();
        for (Expression on : join.getOnExpressions()) {
            conditions.add(expressions.value(on, scope));
        }
        return " " + kind + right + " ON " + String.join(" AND ", conditions);
    }

    /** A natural join's columns of one name are one column, which the query may name unqualified. */
    private static void mergeCommonColumns(List<Source> before, Source added, Scope scope) {
        Set<String> common = new HashSet<>();
        for (Source s : before) {
            s.table().columns().forEach(c -> added.table().column(c.name()).ifPresent(x -> common.add(c.name())));
        }
        scope.mergedColumns.addAll(common);
    }

    private String using(List<Column> columns, Source added, Scope scope) {
        List<String> using = new ArrayList<>();
        for (Column column : columns) {
            Name name = Name.of(column.getColumnName());
            TapColumn published = added.table().columns().stream().filter(c -> name.is(c.identifier()))
                    .findFirst().orElseThrow(() -> new AdqlException("Column '" + name + "' in USING is not"
                            + " a column of " + added.table().qualifiedName()));
            scope.mergedColumns.add(published.name());
            using.add(catalogue.physical(published.identifier()));
        }
        return String.join(", ", using);
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
        String physical = uploads.stream().filter(u -> u.table().equals(published)).map(UploadedTable::physicalName)
                .findFirst().orElseGet(() -> catalogue.physical(published));
        return physical + " AS \"" + sqlAlias + "\"";
    }

    private TapTable published(Table table) {
        Name name = Name.of(table.getName());
        String shown = table.getSchemaName() == null ? name.text() : table.getSchemaName() + "." + name.text();
        List<TapTable> tables = new ArrayList<>(catalogue.tables());
        uploads.forEach(u -> tables.add(u.table()));
        Optional<TapTable> found;
        if (table.getSchemaName() != null) {
            Name schema = Name.of(table.getSchemaName());
            found = tables.stream().filter(t -> schema.is(t.schema()) && name.is(t.name())).findFirst();
        } else {
            List<TapTable> candidates = tables.stream().filter(t -> name.is(t.name())).toList();
            if (candidates.size() > 1) {
                throw new AdqlException("Table name '" + name + "' is ambiguous: qualify it with its schema, as"
                        + " in " + candidates.get(0).qualifiedName());
            }
            found = candidates.stream().findFirst();
        }
        return found.orElseThrow(() -> new AdqlException("Table '" + shown + "' does not exist or is not"
                + " published: the service's tables are listed at /tables and in TAP_SCHEMA.tables"));
    }
}
