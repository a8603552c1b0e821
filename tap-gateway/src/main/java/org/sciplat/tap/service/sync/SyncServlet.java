package org.sciplat.tap.service.sync;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.tap.service.adql.AdqlException;
import org.sciplat.tap.service.query.ClientGoneException;
import org.sciplat.tap.service.query.InvalidQueryException;
import org.sciplat.tap.service.query.QueryFailedException;
import org.sciplat.tap.service.query.QueryLimits;
import org.sciplat.tap.service.query.QueryParameters;
import org.sciplat.tap.service.query.QueryRunner;
import org.sciplat.tap.service.query.SyncResponse;
import org.sciplat.tap.service.upload.RequestParts;
import org.sciplat.tap.service.upload.UploadedTables;
import org.sciplat.tap.service.upload.Uploads;

/**
 * TAP /sync, by GET or POST (form or multipart): loads the tables it uploads, runs the query and answers with its
 * result, at once or not at all; the uploaded tables go once it has been answered. A query runs for at most
 * {@code sciplat.tap.sync.max-duration} (or the shorter EXECUTIONDURATION asked for): longer work belongs in an
 * async job, which holds no request thread while it runs.
 */
@WebServlet(name = "Sync", urlPatterns = "/sync")
@MultipartConfig(maxRequestSize = 1_048_576)
public class SyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SyncServlet.class.getName());

    @Inject
    transient QueryRunner runner;

    @Inject
    transient QueryLimits limits;

    @Inject
    @ConfigProperty(name = "sciplat.tap.sync.max-duration", defaultValue = "PT60S")
    transient Duration maxDuration;

    @Inject
    transient Uploads uploads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        query(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        query(request, response);
    }

    private void query(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SyncResponse client = new SyncResponse(response);
        try {
            run(request, client);
        } catch (ClientGoneException e) {
            LOG.log(Level.FINE, "A synchronous TAP query's client went away; its query was stopped", e);
        }
    }

    private void run(HttpServletRequest request, SyncResponse client) throws IOException {
        try {
            Map<String, String> values = QueryParameters.byName(RequestParts.parameters(request));
            String upload = values.remove("UPLOAD");
            QueryParameters parameters = QueryParameters.checked(values, limits);
            try (UploadedTables uploaded = uploads.load(upload, RequestParts.of(request))) {
                runner.sync(request.getRemoteUser(), parameters.withUploads(uploaded.tables()),
                        executionDuration(request), client);
            }
        } catch (AdqlException | InvalidQueryException | QueryFailedException e) {
            client.fail(e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A synchronous TAP query failed unexpectedly", e);
            client.fail(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "The service failed to run the query; please try again later");
        }
    }

    /** The sync limit, or the shorter EXECUTIONDURATION asked for in seconds (0 asks for no limit: the limit). */
    private Duration executionDuration(HttpServletRequest request) {
        String asked = QueryParameters.byName(request.getParameterMap()).get("EXECUTIONDURATION");
        if (asked == null || asked.isBlank()) {
            return maxDuration;
        }
        long seconds;
        try {
            seconds = Long.parseLong(asked.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("EXECUTIONDURATION '" + asked + "' is not a whole number of seconds");
        }
        if (seconds < 0) {
            throw new InvalidQueryException("EXECUTIONDURATION must not be negative");
        }
        return seconds == 0 || seconds > maxDuration.toSeconds() ? maxDuration : Duration.ofSeconds(seconds);
    }
}
