package org.sciplat.token.web.delivery;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A page's response, gzipped as it is written and sent in pieces: each {@value #PIECE} bytes of the page are
 * compressed and flushed at once (a sync flush, about 2% larger than one piece), so the browser parses and paints
 * the top of a long page while the server still renders the rest.
 *
 * <p>Until the first piece is full nothing reaches the real response, so a page that is reset, redirected or
 * answered with an error before that leaves nothing behind; afterwards the response is committed, as any response
 * is once its first bytes are sent. Only HTML is compressed here; whatever else takes the usual way.
 */
final class CompressedPage extends HeldBody {

    static final int PIECE = 8 * 1024;

    private long contentLength = -1;
    private OutputStream sending;
    private int sinceFlush;

    CompressedPage(HttpServletResponse response) {
        super(response, PIECE);
    }

    @Override
    OutputStream open() throws IOException {
        // a response flushed before its first byte has sent its headers: too late to say it is compressed
        if (compresses() && !getResponse().isCommitted()) {
            markCompressed();
            sending = new GZIPOutputStream(super.getResponse().getOutputStream(), PIECE, true);
        } else {
            if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
            sending = super.getResponse().getOutputStream();
        }
        return sending;
    }

    @Override
    void written(int length) throws IOException {
        sinceFlush += length;
        if (sinceFlush >= PIECE) {
            sending.flush();
            sinceFlush = 0;
        }
    }

    @Override
    public void setContentLength(int length) {
        contentLength = length;
    }

    @Override
    public void setContentLengthLong(long length) {
        contentLength = length;
    }

    @Override
    public boolean isCommitted() {
        return isSending() || super.isCommitted();
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        if (isWritten() && !isDiscarded()) {
            startSending().flush();
        }
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        flushWriter();
        if (!isSending()) {
            held().reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (!isSending()) {
            forget();
            contentLength = -1;
        }
        super.reset();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        discard();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        discard();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        discard();
        super.sendRedirect(location);
    }

    /** Sends what is left of the page: all of it, with its length, when it was shorter than a piece. */
    void finish() throws IOException {
        flushWriter();
        if (isSending()) {
            if (sending instanceof GZIPOutputStream gzip) {
                gzip.finish();
            }
            sending.flush();
            return;
        }
        if (isDiscarded() || !isWritten()) {
            return;
        }
        ByteArrayOutputStream body = held();
        if (compresses()) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.size() / 4 + 32);
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                body.writeTo(gzip);
            }
            markCompressed();
            body = compressed;
        }
        super.setContentLength(body.size());
        body.writeTo(super.getResponse().getOutputStream());
    }

    private boolean compresses() {
        String type = getContentType();
        int status = getStatus();
        return type != null && type.startsWith("text/html") && getHeader("Content-Encoding") == null
                && status != SC_NO_CONTENT && status != SC_NOT_MODIFIED;
    }

    private void markCompressed() {
        super.setHeader("Content-Encoding", "gzip");
        super.addHeader("Vary", "Accept-Encoding");
    }
}
