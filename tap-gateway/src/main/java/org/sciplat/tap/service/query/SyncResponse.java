package org.sciplat.tap.service.query;

import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The response to a synchronous query, which may be probed while the statement runs: nothing else tells whether the
 * client is still there before the result is written. A VOTable response is committed with its XML declaration at
 * the first probe, and each probe after that adds a space, which XML allows before the root element; a write to a
 * client that has gone fails, which the probe reports as a ClientGoneException. CSV and TSV allow nothing before
 * their header line, so a probe leaves them alone, and their client is only missed when the result is written.
 */
public final class SyncResponse implements QueryRunner.ResultOutput {

    private final HttpServletResponse response;
    private boolean declared;
    /** The result or an error document has begun: no probe may write any more. */
    private boolean answered;

    public SyncResponse(HttpServletResponse response) {
        this.response = response;
    }

    /** Writes a byte that changes nothing in the result of that format, if it can; ClientGoneException if it fails. */
    synchronized void probe(ResultFormat format) throws ClientGoneException {
        if (answered || (format != ResultFormat.VOTABLE && format != ResultFormat.VOTABLE_BINARY2)) {
            return;
        }
        try {
            OutputStream out = response.getOutputStream();
            if (declared) {
                out.write(' ');
            } else {
                response.setContentType(format.mimeType());
                response.setHeader("Cache-Control", "no-store");
                out.write(ResultWriter.DECLARATION.getBytes(StandardCharsets.UTF_8));
                declared = true;
            }
            out.flush();
        } catch (IOException e) {
            throw gone(e);
        }
    }

    @Override
    public synchronized boolean declared() {
        return declared;
    }

    @Override
    public synchronized OutputStream open(ResultFormat format) throws IOException {
        answered = true;
        if (!declared) {
            response.setContentType(format.mimeType());
        }
        return new FilterOutputStream(response.getOutputStream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    out.write(bytes, offset, length);
                } catch (IOException e) {
                    throw gone(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw gone(e);
                }
            }
        };
    }

    /**
     * Answers with the error of an exception from {@link QueryRunner#sync}: with the status ErrorDocument gives it,
     * and Retry-After when the service or the user is at a limit.
     */
    public synchronized void fail(RuntimeException e) throws IOException {
        if (e instanceof ServiceBusyException && !response.isCommitted()) {
            response.setHeader("Retry-After", Long.toString(ServiceBusyException.RETRY_AFTER.toSeconds()));
        }
        fail(ErrorDocument.status(e), e.getMessage());
    }

    /**
     * Answers with an error: its HTTP status and error document while nothing is committed; in the document after a
     * probe committed 200; not at all once the result has begun, whose end is then missing. ClientGoneException
     * when the client has gone meanwhile (a query that ran out of time after it left, say).
     */
    public synchronized void fail(int status, String message) throws IOException {
        boolean begun = answered;
        answered = true;
        try {
            if (!response.isCommitted()) {
                ErrorDocument.send(response, status, message);
            } else if (declared && !begun) {
                ResultWriter.error(message, response.getOutputStream(), true);
            }
        } catch (IOException e) {
            throw gone(e);
        }
    }

    private static ClientGoneException gone(IOException e) {
        return new ClientGoneException("The client went away before its query's result was written", e);
    }
}
