package org.sciplat.token.web.delivery;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * A page's response, gzipped as it is written and sent in pieces: each {@value #PIECE} bytes of the page are
 * compressed and flushed at once (a sync flush, about 2% larger than one piece), so the browser parses and paints
 * the top of a long page while the server still renders the rest.
 *
 * <p>Until the first piece is full nothing reaches the real response, so a page that is reset, redirected or
 * answered with an error before that leaves nothing behind; afterwards the response is committed, as any response
 * is once its first bytes are sent, and a failure later ends the page short. Whatever is not HTML (the answers to
 * the pages' background requests) goes straight to the real response, as if this were not here.
 */
final class CompressedPage extends HeldBody {

    static final int PIECE = 8 * 1024;
    private static final Logger LOG = Logger.getLogger(CompressedPage.class.getName());

    private long contentLength = -1;
    private OutputStream sending;
    private Gzip gzip;
    private int sinceFlush;

    CompressedPage(HttpServletResponse response) {
        super(response, PIECE);
    }

    @Override
    boolean holds() {
        return compresses();
    }

    @Override
    OutputStream open() throws IOException {
        if (compresses()) {
            markCompressed();
            gzip = new Gzip(getResponse().getOutputStream());
            sending = gzip;
        } else {
            // flushed before its first byte: the headers are gone, too late to say it is compressed
            if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
            sending = getResponse().getOutputStream();
        }
        return sending;
    }

    @Override
    void written(int length) throws IOException {
        sinceFlush += length;
        if (gzip != null && sinceFlush >= PIECE) {
            sending.flush();
            sinceFlush = 0;
        }
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (isPassing()) {
            super.setContentLengthLong(length);
        } else {
            contentLength = length;
        }
    }

    @Override
    public boolean isCommitted() {
        return isSending() || super.isCommitted();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (isPassing()) {
            super.flushBuffer();
            return;
        }
        flushWriter();
        try {
            if (isWritten() && !isDiscarded()) {
                startSending().flush();
            }
            super.flushBuffer();
        } catch (IOException e) {
            // the container flushes each response at the end of its servlet, whose browser may be gone by then
            clientGone(e);
        }
    }

    @Override
    public void reset() {
        if (!isSending()) {
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
        if (isPassing() || isDiscarded()) {
            return;
        }
        flushWriter();
        try {
            if (isSending()) {
                if (gzip != null) {
                    gzip.finish();
                }
                sending.flush();
                return;
            }
            if (!isWritten()) {
                return;
            }
            ByteArrayOutputStream body = held();
            if (compresses()) {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.size() / 4 + 32);
                try (GZIPOutputStream whole = new GZIPOutputStream(compressed)) {
                    body.writeTo(whole);
                }
                markCompressed();
                body = compressed;
            }
            super.setContentLength(body.size());
            body.writeTo(getResponse().getOutputStream());
        } catch (IOException e) {
            clientGone(e);
        }
    }

    /** Gives back the compressor's native memory, whether the page ended well or not. */
    void release() {
        if (gzip != null) {
            gzip.release();
        }
    }

    private void clientGone(IOException e) {
        LOG.log(Level.FINE, "A page's browser went away before the page was sent", e);
        discard();
    }

    private boolean compresses() {
        String type = getContentType();
        int status = getStatus();
        return type != null && type.startsWith("text/html") && getHeader("Content-Encoding") == null
                && status != SC_NO_CONTENT && status != SC_NOT_MODIFIED && !getResponse().isCommitted();
    }

    private void markCompressed() {
        super.setHeader("Content-Encoding", "gzip");
        super.addHeader("Vary", "Accept-Encoding");
    }

    /** gzip with a sync flush at each flush, over the response's stream, which it leaves open. */
    private static final class Gzip extends GZIPOutputStream {

        Gzip(OutputStream response) throws IOException {
            super(new FilterOutputStream(response) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, PIECE, true);
        }

        void release() {
            def.end();
        }
    }
}
