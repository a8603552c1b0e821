package org.sciplat.tap.service.adql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import org.sciplat.tap.service.catalogue.TapColumn;

/** The tables a SELECT reads, and those of the queries around it, for correlated subqueries. */
final class Scope {

    /** A column of the SELECT list: the name the query gives it, its SQL and the alias the SQL gives it. */
    record SelectOutput(Name name, String sql, String sqlAlias) {
    }

    /** A column name of the query, found in one of the FROM clause's tables. */
    record Resolved(Source source, TapColumn column) {
    }

    final List<Source> sources = new ArrayList<>();
    final Set<String> mergedColumns = new HashSet<>();
    final Scope outer;
    final List<SelectOutput> outputs = new ArrayList<>();

    Scope(Scope outer) {
        this.outer = outer;
    }

    /** The table column a name means, here or in an enclosing query; refused if none or more than one. */
    Resolved resolve(Column column) {
        Name name = Name.of(column.getColumnName());
        Table qualifier = column.getTable() != null && column.getTable().getName() != null
                ? column.getTable() : null;
        for (Scope s = this; s != null; s = s.outer) {
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

    /** A bare name in GROUP BY or ORDER BY that is a SELECT-list alias and not a column of the tables. */
    Optional<SelectOutput> findOutputAlias(Expression expression) {
        if (!(expression instanceof Column column) || column.getTable() != null
                && column.getTable().getName() != null) {
            return Optional.empty();
        }
        Name name = Name.of(column.getColumnName());
        boolean isTableColumn = sources.stream()
                .anyMatch(s -> s.table().columns().stream().anyMatch(c -> name.is(c.identifier())));
        if (isTableColumn) {
            return Optional.empty();
        }
        return outputs.stream().filter(o -> o.name().sameAs(name)).findFirst();
    }
}
