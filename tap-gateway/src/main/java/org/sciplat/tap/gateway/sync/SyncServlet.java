package org.sciplat.tap.gateway.sync;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sciplat.tap.gateway.adql.AdqlException;
import org.sciplat.tap.gateway.query.ErrorDocument;
import org.sciplat.tap.gateway.query.InvalidQueryException;
import org.sciplat.tap.gateway.query.QueryFailedException;
import org.sciplat.tap.gateway.query.QueryLimits;
import org.sciplat.tap.gateway.query.QueryParameters;
import org.sciplat.tap.gateway.query.QueryRunner;

/** TAP /sync, by GET or POST (form or multipart): runs the query and answers with its result. */
@WebServlet(name = "Sync", urlPatterns = "/sync")
@MultipartConfig(maxRequestSize = 1_048_576)
public class SyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient QueryRunner runner;

    @Inject
    transient QueryLimits limits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        query(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        query(request, response);
    }

    private void query(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            QueryParameters parameters = QueryParameters.of(request.getParameterMap(), limits);
            runner.run(parameters, limits.defaultExecutionDuration(), format -> {
                response.setContentType(format.mimeType());
                return response.getOutputStream();
            }, statement -> { });
        } catch (AdqlException | InvalidQueryException | QueryFailedException e) {
            if (!response.isCommitted()) {
                ErrorDocument.send(response, ErrorDocument.status(e), e.getMessage());
            }
        }
    }
}
