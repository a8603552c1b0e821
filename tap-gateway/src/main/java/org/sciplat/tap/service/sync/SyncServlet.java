package org.sciplat.tap.service.sync;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sciplat.tap.service.adql.AdqlException;
import org.sciplat.tap.service.query.ErrorDocument;
import org.sciplat.tap.service.query.InvalidQueryException;
import org.sciplat.tap.service.query.QueryFailedException;
import org.sciplat.tap.service.query.QueryLimits;
import org.sciplat.tap.service.query.QueryParameters;
import org.sciplat.tap.service.query.QueryRunner;
import org.sciplat.tap.service.upload.UploadedTables;
import org.sciplat.tap.service.upload.Uploads;

/**
 * TAP /sync, by GET or POST (form or multipart): loads the tables it uploads, runs the query and answers with its
 * result; the uploaded tables go once it has been answered.
 */
@WebServlet(name = "Sync", urlPatterns = "/sync")
@MultipartConfig(maxRequestSize = 1_048_576)
public class SyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SyncServlet.class.getName());
    /** How long a synchronous query waits for one of the service's running places before it is refused. */
    private static final Duration WAIT_FOR_PLACE = Duration.ofSeconds(30);

    @Inject
    transient QueryRunner runner;

    @Inject
    transient QueryLimits limits;

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

    /** A part of a multipart request; none if the request is not multipart or has no such part. */
    private static Optional<InputStream> part(HttpServletRequest request, String name) throws IOException {
        if (request.getContentType() == null || !request.getContentType().toLowerCase(Locale.ROOT)
                .startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        try {
            Part part = request.getPart(name);
            return part == null ? Optional.empty() : Optional.of(part.getInputStream());
        } catch (ServletException e) {
            return Optional.empty();
        }
    }

    private void query(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Map<String, String> values = QueryParameters.byName(request.getParameterMap());
            String upload = values.remove("UPLOAD");
            QueryParameters parameters = QueryParameters.checked(values, limits);
            try (UploadedTables uploaded = uploads.load(upload, name -> part(request, name))) {
                runner.run(QueryRunner.Mode.SYNC, parameters.withUploads(uploaded.tables()),
                        limits.defaultExecutionDuration(), WAIT_FOR_PLACE, format -> {
                            response.setContentType(format.mimeType());
                            return response.getOutputStream();
                        });
            }
        } catch (AdqlException | InvalidQueryException | QueryFailedException e) {
            if (!response.isCommitted()) {
                ErrorDocument.send(response, ErrorDocument.status(e), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A synchronous TAP query failed unexpectedly", e);
            if (!response.isCommitted()) {
                ErrorDocument.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        "The service failed to run the query; please try again later");
            }
        }
    }
}
