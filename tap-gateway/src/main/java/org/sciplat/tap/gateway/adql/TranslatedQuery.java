package org.sciplat.tap.gateway.adql;

import java.util.List;

/**
 * An ADQL query as SQL for the database, with its result columns. The SQL fetches at most {@code fetchLimit}
 * rows: one more than MAXREC when MAXREC limits the result, so that an overflow can be told apart.
 */
public record TranslatedQuery(String adql, String sql, List<OutputColumn> columns, long maxrec) {

    public TranslatedQuery {
        columns = List.copyOf(columns);
    }
}
