package org.sciplat.tap.service.query;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.sciplat.tap.service.adql.AdqlException;
import org.sciplat.tap.service.adql.AdqlTranslator;
import org.sciplat.tap.service.adql.TranslatedQuery;
import org.sciplat.tap.service.catalogue.Catalogue;

/**
 * Runs a TAP query: translates its ADQL (refusing what it may not do), runs the SQL within the execution duration in
 * one of the service's running places ({@link QueryPlaces}), and writes the result in the asked-for format to an
 * output opened only once the query has run, so that a failure before then can still be answered with an error
 * document. A synchronous query is stopped when its client goes away ({@link ClientWatch}); an asynchronous one when
 * its job is aborted.
 *
 * <p>Every run is timed, from asking for a running place (a job: from getting one) to the last byte of its result, as
 * {@code tap.queries} tagged with the mode and the outcome: the figures an operator watches for a slow or overloaded
 * service.
 */
@ApplicationScoped
public class QueryRunner {

    private static final Logger LOG = Logger.getLogger(QueryRunner.class.getName());
    /** H2's and PostgreSQL's SQLState for a statement cancelled by its timeout or by cancel(). */
    private static final String CANCELLED = "57014";
    /**
     * The SQLState classes of a query wrong in itself, in both databases: a cardinality violation (a scalar subquery
     * with more than one row), a data exception (LN(0), ACOS(2)), a syntax error or access rule violation, and a
     * feature the database lacks for those operands.
     */
    private static final Set<String> QUERY_ERROR_CLASSES = Set.of("21", "22", "42", "0A");
    /**
     * H2's own codes (its SQLState is the error code) for a query wrong for its values, where PostgreSQL answers
     * with one of those classes: an invalid argument value (ROUND(x, 1000000000)), SUM or AVG of text, a column
     * missing from GROUP BY, a scalar subquery of more than one row, a row compared with a value, an aggregate
     * where none may be, an operation its types lack (HYC00, "feature not supported": unary minus on text).
     */
    private static final Set<String> H2_QUERY_ERRORS = Set.of("90008", "90015", "90016", "90053", "90054", "90110",
            "HYC00");
    private static final Metadata TIMER = Metadata.builder().withName("tap.queries")
            .withDescription("TAP queries by mode and outcome, from asking for a place to the last result byte")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    Catalogue catalogue;

    /** A user that may only read the published schemas (ArchiveReader), never the token tables. */
    @Resource(lookup = "jdbc/archive")
    DataSource dataSource;

    @Resource
    ManagedExecutorService parsing;

    /** Probes the clients of synchronous queries while their statements run. */
    @Resource
    ManagedScheduledExecutorService probing;

    @Inject
    QueryPlaces places;

    @Inject
    MetricRegistry metrics;

    /** How the client asked: waiting for the answer (/sync) or as a UWS job (/async). */
    public enum Mode {
        SYNC, ASYNC
    }

    /** Where a result goes, opened once there is one. */
    public interface ResultOutput {
        OutputStream open(ResultFormat format) throws IOException;

        /** Whether the XML declaration has gone out already, ahead of the result (as a client's probe). */
        default boolean declared() {
            return false;
        }
    }

    /** What a finished query gave: its row count, and whether MAXREC cut it short. */
    public record Outcome(long rows, boolean overflow) {
    }

    /**
     * Runs the user's synchronous query at once if the user and the service have a running place free for it
     * (TooManyQueriesException or ServiceBusyException if not), for at most executionDuration, and stops it with a
     * ClientGoneException when its client goes away. AdqlException, InvalidQueryException or QueryFailedException
     * when it cannot run.
     */
    public Outcome sync(String user, QueryParameters parameters, Duration executionDuration, SyncResponse client)
            throws IOException {
        return timed(Mode.SYNC, () -> {
            // parsed in the user's own place: a slow parse holds only that user's share, and a burst is refused
            // before each of its requests waits for a parser thread of the pool that serves the requests
            if (parameters.maxrec() == 0) {
                return describe(translate(parameters), parameters, client);
            }
            try (QueryPlaces.Place place = places.take(user);
                    ClientWatch watch = new ClientWatch(client, parameters.format(), probing)) {
                return execute(translate(parameters), parameters, executionDuration, client, watch::watch,
                        watch::clientGone);
            }
        });
    }

    /**
     * Runs a job's query in the running place the job was given, and gives the place back when done; tells started
     * the running query, so that the job can stop it. Failures as for {@link #sync}.
     */
    public Outcome async(QueryPlaces.Place place, QueryParameters parameters, Duration executionDuration,
            ResultOutput output, Consumer<RunningQuery> started) throws IOException {
        try (place) {
            return timed(Mode.ASYNC, () -> parameters.maxrec() == 0
                    ? describe(translate(parameters), parameters, output)
                    : execute(translate(parameters), parameters, executionDuration, output, started, () -> false));
        }
    }

    /** A run of a query, timed by {@link #timed}. */
    @FunctionalInterface
    private interface Run {
        Outcome run() throws IOException;
    }

    private Outcome timed(Mode mode, Run run) throws IOException {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            Outcome done = run.run();
            outcome = "completed";
            return done;
        } catch (ClientGoneException e) {
            outcome = "abandoned";
            throw e;
        } catch (TooManyQueriesException e) {
            outcome = "throttled";
            throw e;
        } catch (ServiceBusyException e) {
            outcome = "busy";
            throw e;
        } catch (AdqlException | InvalidQueryException e) {
            outcome = "invalid";
            throw e;
        } catch (QueryFailedException e) {
            outcome = e.userError() ? "invalid" : "failed";
            throw e;
        } finally {
            metrics.timer(TIMER, new Tag("mode", mode.name().toLowerCase(Locale.ROOT)), new Tag("outcome", outcome))
                    .update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private TranslatedQuery translate(QueryParameters parameters) {
        return new AdqlTranslator(catalogue, parsing).translate(parameters.query(), parameters.maxrec(),
                parameters.uploads());
    }

    /**
     * Runs the statement, telling started the running query first; abandoned says, once the statement was
     * cancelled, whether that was because its client went away.
     */
    private Outcome execute(TranslatedQuery query, QueryParameters parameters, Duration executionDuration,
            ResultOutput output, Consumer<RunningQuery> started, BooleanSupplier abandoned) throws IOException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, executionDuration.toSeconds())));
            statement.setFetchSize(1_000);
            RunningQuery running = RunningQuery.of(connection, statement, dataSource);
            try {
                started.accept(running);
                try (ResultSet results = statement.executeQuery(query.sql())) {
                    ResultTable table = new ResultTable(results, query.columns(), parameters.maxrec());
                    OutputStream out = output.open(parameters.format());
                    ResultWriter.write(table, parameters.format(), parameters.query(), out, output.declared());
                    return new Outcome(table.rowsWritten(), table.overflowed());
                }
            } finally {
                running.end();
            }
        } catch (SQLException e) {
            if (abandoned.getAsBoolean()) {
                throw new ClientGoneException("The client went away while its query ran", e);
            }
            throw failure(e, executionDuration);
        } catch (StackOverflowError e) {
            // the embedded H2 parses the SQL on this thread: thousands of conditions overflow its recursive parser
            throw new InvalidQueryException("The query has too many terms for the database to read");
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw failure(cause, executionDuration);
            }
            throw e;
        }
    }

    /**
     * MAXREC=0: the result's columns without running the query, from the prepared statement's metadata, which both
     * databases give without executing it; so it needs no running place either.
     */
    private Outcome describe(TranslatedQuery query, QueryParameters parameters, ResultOutput output)
            throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query.sql())) {
            connection.setReadOnly(true);
            ResultTable table = ResultTable.describing(statement.getMetaData(), query.columns());
            ResultWriter.write(table, parameters.format(), parameters.query(), output.open(parameters.format()),
                    output.declared());
            return new Outcome(0, false);
        } catch (SQLException e) {
            throw failure(e, Duration.ZERO);
        }
    }

    private static QueryFailedException failure(SQLException e, Duration executionDuration) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTimeoutException || state.equals(CANCELLED)) {
            return new QueryFailedException("The query ran longer than its execution duration of "
                    + executionDuration.toSeconds() + " s and was stopped", true, e);
        }
        boolean queryError = state.length() >= 2 && QUERY_ERROR_CLASSES.contains(state.substring(0, 2));
        if (queryError || H2_QUERY_ERRORS.contains(state)) {
            return new QueryFailedException("The database could not run the query: " + firstLine(e.getMessage()),
                    true, e);
        }
        // the database's message quotes the query, which is the user's text: only its codes go to the log
        LOG.warning(() -> "A TAP query failed in the database: SQLState " + state + ", error " + e.getErrorCode());
        return new QueryFailedException("The query failed in the database; please try again later", false, e);
    }

    /** The database's own explanation, without the generated SQL it appends. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message);
        int sql = line.indexOf("; SQL statement:");
        return sql >= 0 ? line.substring(0, sql) : line;
    }
}
