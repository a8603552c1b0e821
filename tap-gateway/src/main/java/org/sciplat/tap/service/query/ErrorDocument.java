package org.sciplat.tap.service.query;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sciplat.tap.service.adql.AdqlException;

/** A refused or failed query answered as DALI asks: an HTTP error status with a VOTable error document. */
public final class ErrorDocument {

    private ErrorDocument() {
    }

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        // a result may have begun in the buffer before the database refused a row
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(ResultFormat.VOTABLE.mimeType());
        response.setHeader("Cache-Control", "no-store");
        ResultWriter.error(message, response.getOutputStream());
    }

    /**
     * The status for an exception from {@link QueryRunner#run}: 400 for the query's fault, 413 for a request too large, 503 when the service is at
     * its limit, 500 for the service's fault.
     */
    public static int status(RuntimeException e) {
        if (e instanceof RequestTooLargeException) {
            return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        }
        if (e instanceof ServiceBusyException) {
            return e instanceof TooManyQueriesException ? 429 : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        if (e instanceof AdqlException || e instanceof InvalidQueryException) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        if (e instanceof QueryFailedException failed && failed.userError()) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
