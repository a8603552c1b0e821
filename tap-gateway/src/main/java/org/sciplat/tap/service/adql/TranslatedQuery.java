package org.sciplat.tap.service.adql;

import java.util.List;

/**
 * An ADQL query as SQL for the database, with its result columns. The SQL fetches at most one row more than
 * MAXREC, so that a result cut short can be told from one that happens to be exactly MAXREC long.
 */
public record TranslatedQuery(String sql, List<OutputColumn> columns) {

    public TranslatedQuery {
        columns = List.copyOf(columns);
    }
}
