package org.sciplat.tap.service.adql;

import java.util.List;
import java.util.concurrent.ExecutorService;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import org.sciplat.tap.service.catalogue.Catalogue;

/**
 * Turns ADQL 2.0 into SQL the database runs, or refuses it. The SQL is written anew from the parsed query, one
 * allowed construct at a time: whatever this class does not know how to write cannot reach the database. Table
 * and column names must be published ones, functions must be ADQL's, and the database sees only quoted names
 * and literals it cannot read as anything else. This class checks and parses the text; {@link QueryTranslation}
 * and the classes it uses write the SQL.
 */
public final class AdqlTranslator {

    /** Longer queries are refused before parsing; no real query comes close. */
    public static final int MAX_QUERY_LENGTH = 100_000;

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
        return translate(adql, maxrec, List.of());
    }

    /** The SQL for an ADQL query that may also read the tables it uploaded, as TAP_UPLOAD.name. */
    public TranslatedQuery translate(String adql, long maxrec, List<UploadedTable> uploads) {
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
            QueryTranslation translation = new QueryTranslation(catalogue, uploads);
            String sql = translation.query(select, null, maxrec);
            return new TranslatedQuery(sql, translation.outputs());
        } catch (StackOverflowError e) {
            throw new AdqlException("The query is nested too deeply to be read");
        }
    }

    /**
     * Brackets at most {@link #MAX_NESTING} deep, counted everywhere, in string literals and comments too. Skipping
     * what looks like a literal or comment let the check be misled wherever it read the text otherwise than the
     * parser does (a quote inside a comment hid every bracket after it); a literal with that many unclosed brackets
     * is a price no real query pays.
     */
    private static void requireModestNesting(String adql) {
        int depth = 0;
        for (int i = 0; i < adql.length(); i++) {
            char c = adql.charAt(i);
            if (c == '(' && ++depth > MAX_NESTING) {
                throw new AdqlException("The query nests brackets more than " + MAX_NESTING + " deep");
            } else if (c == ')' && depth > 0) {
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

    static PlainSelect requirePlain(Select select) {
        if (select instanceof PlainSelect plain) {
            return plain;
        }
        throw new AdqlException("Only a plain SELECT ... FROM ... query is supported");
    }

    private static String parserMessage(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "syntax error" : cause.getMessage();
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message)
                // the parser names its exception class before its own words, which mean nothing to an astronomer
                .replaceFirst("^[\\w.$]+(?:Exception|Error):\\s*", "");
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    /** The geometric functions the service supports, as its capabilities declare them. */
    public static List<String> geometryFunctions() {
        return Geometry.DECLARED;
    }
}
