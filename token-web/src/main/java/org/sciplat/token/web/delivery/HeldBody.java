package org.sciplat.token.web.delivery;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.regex.Pattern;

/**
 * A response whose body is held in memory up to a limit, then sent on through the stream a subclass opens, what was
 * held first. Headers and status go to the real response as usual.
 */
abstract class HeldBody extends HttpServletResponseWrapper {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset=[^;]*");

    private final int limit;
    private final ByteArrayOutputStream held;
    private Stream stream;
    private PrintWriter writer;
    private Charset writerCharset;
    private OutputStream sent;
    private boolean discarded;
    private boolean passing;
    // a reset body's writer, which the application may still hold, writes nothing into the next one's
    private int generation;
    private boolean resetting;

    HeldBody(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
        this.held = new ByteArrayOutputStream(Math.min(limit, 8 * 1024));
    }

    /** Where the body goes once it outgrows the limit, or is flushed. */
    abstract OutputStream open() throws IOException;

    /** Told of each write that went to the opened stream, and of its length. */
    void written(int length) throws IOException {
    }

    /** Whether this response's body is held at all; one that is not goes straight to the real response. */
    boolean holds() {
        return true;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null && writer == null && (passing || !holds())) {
            passing = true;
            return getResponse().getOutputStream();
        }
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called first");
        }
        if (stream == null) {
            stream = new Stream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream == null && writer == null && (passing || !holds())) {
            passing = true;
            return getResponse().getWriter();
        }
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was called first");
            }
            stream = new Stream();
            writerCharset = Charset.forName(getCharacterEncoding());
            writer = new PrintWriter(new OutputStreamWriter(stream, writerCharset));
        }
        return writer;
    }

    // once the writer encodes, the response says its charset and no other, as the servlet contract has it
    @Override
    public void setCharacterEncoding(String charset) {
        if (writer == null) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void setContentType(String type) {
        if (writer == null || type == null) {
            super.setContentType(type);
        } else {
            super.setContentType(CHARSET.matcher(type).replaceAll("") + ";charset=" + writerCharset.name());
        }
    }

    /** Whether the body goes straight to the real response, not held. */
    final boolean isPassing() {
        return passing;
    }

    /** Whether the body has been written to at all. */
    final boolean isWritten() {
        return stream != null;
    }

    final boolean isSending() {
        return sent != null;
    }

    /** What the writer still holds, pushed down to the held bytes or the opened stream. */
    final void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** The body held so far, none of it sent yet. */
    final ByteArrayOutputStream held() {
        return held;
    }

    /** Sends the body from now on, what was held first. */
    final OutputStream startSending() throws IOException {
        if (sent == null) {
            sent = open();
            held.writeTo(sent);
            held.reset();
        }
        return sent;
    }

    /**
     * Drops what is held, and whatever is written from now on: a redirect or an error is answered instead, or the
     * browser is gone.
     */
    final void discard() {
        discarded = true;
        held.reset();
    }

    final boolean isDiscarded() {
        return discarded;
    }

    @Override
    public void resetBuffer() {
        if (!passing && sent == null) {
            // what the writer still holds is dropped with the rest, not pushed past the limit and sent
            resetting = true;
            try {
                flushWriter();
            } finally {
                resetting = false;
            }
            held.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (sent == null) {
            held.reset();
            stream = null;
            writer = null;
            passing = false;
            generation++;
        }
        super.reset();
    }

    private final class Stream extends ServletOutputStream {

        private final int of = generation;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (discarded || of != generation) {
                return;
            }
            if (sent == null) {
                held.write(bytes, offset, length);
                if (held.size() < limit || resetting) {
                    return;
                }
                int size = held.size();
                startSending();
                written(size);
            } else {
                sent.write(bytes, offset, length);
                written(length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (sent != null) {
                sent.flush();
            }
        }

        @Override
        public void close() throws IOException {
            // the filter ends the body: a page's writer is closed by some views before the filter is done
            flush();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("written blocking");
        }
    }
}
