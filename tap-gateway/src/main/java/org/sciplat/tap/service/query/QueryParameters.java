package org.sciplat.tap.service.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sciplat.tap.service.adql.UploadedTable;

/**
 * The parameters of a TAP query (TAP 1.1 section 2.3, DALI): names in any case, values as given. REQUEST=doQuery
 * is accepted for TAP 1.0 clients. UPLOAD is taken by /sync and /async, which load the tables and add them here;
 * anywhere else it is refused.
 */
public record QueryParameters(String query, long maxrec, ResultFormat format, List<UploadedTable> uploads) {

    public QueryParameters {
        uploads = List.copyOf(uploads);
    }

    /** The same query, which may also read these uploaded tables. */
    public QueryParameters withUploads(List<UploadedTable> tables) {
        return new QueryParameters(query, maxrec, format, tables);
    }

    /** The parameters of a request, checked. */
    public static QueryParameters of(Map<String, String[]> request, QueryLimits limits) {
        return checked(byName(request), limits);
    }

    /** A request's parameters by upper-cased name (DALI: names in any case), the first value of each. */
    public static Map<String, String> byName(Map<String, String[]> request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.forEach((name, given) -> {
            if (given != null && given.length > 0) {
                values.putIfAbsent(name.toUpperCase(Locale.ROOT), given[0]);
            }
        });
        return values;
    }

    /** Checks a set of parameters with upper-case names. */
    public static QueryParameters checked(Map<String, String> values, QueryLimits limits) {
        String request = values.get("REQUEST");
        if (request != null && !request.equalsIgnoreCase("doQuery")) {
            throw new InvalidQueryException("REQUEST '" + request + "' is not supported: use REQUEST=doQuery or"
                    + " leave it out");
        }
        String lang = values.get("LANG");
        if (lang == null || lang.isBlank()) {
            throw new InvalidQueryException("The LANG parameter is missing: use LANG=ADQL");
        }
        if (!lang.equalsIgnoreCase("ADQL") && !lang.equalsIgnoreCase("ADQL-2.0")) {
            throw new InvalidQueryException("LANG '" + lang + "' is not supported: use LANG=ADQL");
        }
        String query = values.get("QUERY");
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("The QUERY parameter is missing: give an ADQL SELECT statement");
        }
        if (values.get("UPLOAD") != null) {
            throw new InvalidQueryException("UPLOAD is read by /sync and /async, not here");
        }
        String format = values.containsKey("RESPONSEFORMAT") ? values.get("RESPONSEFORMAT") : values.get("FORMAT");
        return new QueryParameters(query, maxrec(values.get("MAXREC"), limits), ResultFormat.of(format), List.of());
    }

    private static long maxrec(String given, QueryLimits limits) {
        if (given == null || given.isBlank()) {
            return limits.defaultMaxrec();
        }
        long maxrec;
        try {
            maxrec = Long.parseLong(given.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("MAXREC '" + given + "' is not a whole number");
        }
        if (maxrec < 0) {
            throw new InvalidQueryException("MAXREC must not be negative");
        }
        return Math.min(maxrec, limits.hardMaxrec());
    }
}
