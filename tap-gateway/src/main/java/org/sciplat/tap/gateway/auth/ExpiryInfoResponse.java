package org.sciplat.tap.gateway.auth;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The answer to a caller whose token expires soon: a VOTable (a query result, from this service or the upstream
 * one) gets an {@code INFO name="TOKEN_EXPIRY"} as the first child of its first RESOURCE, where TOPCAT, STILTS and
 * pyvo keep it with the table (STIL as a table parameter, astropy in the resource's infos). Other answers pass
 * unchanged. The INFO is written into the stream as it goes by; nothing is buffered.
 */
final class ExpiryInfoResponse extends HttpServletResponseWrapper {

    private final byte[] info;
    private ServletOutputStream stream;

    ExpiryInfoResponse(HttpServletResponse response, Instant expires, String text) {
        super(response);
        this.info = ("\n<INFO name=\"TOKEN_EXPIRY\" value=\"" + DateTimeFormatter.ISO_INSTANT.format(expires) + "\">"
                + escape(text) + "</INFO>").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream out = super.getOutputStream();
            String type = getContentType();
            stream = type != null && type.toLowerCase().contains("votable") ? new Injecting(out, info) : out;
        }
        return stream;
    }

    /**
     * A length declared for the body (an async job's stored result) no longer holds once the INFO goes in: such a
     * body is sent without one (chunked), whatever its type turns out to be.
     */
    @Override
    public void setContentLength(int length) {
        // the body's own length is not this answer's
    }

    @Override
    public void setContentLengthLong(long length) {
        // the body's own length is not this answer's
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Copies the VOTable, adding the INFO right after the first {@code <RESOURCE ...>} start tag. */
    private static final class Injecting extends ServletOutputStream {

        private static final byte[] RESOURCE = "<RESOURCE".getBytes(StandardCharsets.US_ASCII);

        private final ServletOutputStream out;
        private final byte[] info;
        private int matched;
        private boolean inTag;
        private boolean done;

        Injecting(ServletOutputStream out, byte[] info) {
            this.out = out;
            this.info = info;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (!done) {
                watch((byte) b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int i = offset;
            int end = offset + length;
            while (!done && i < end) {
                out.write(bytes[i]);
                watch(bytes[i]);
                i++;
            }
            if (i < end) {
                out.write(bytes, i, end - i);
            }
        }

        private void watch(byte b) throws IOException {
            if (inTag) {
                if (b == '>') {
                    out.write(info);
                    done = true;
                }
                return;
            }
            matched = b == RESOURCE[matched] ? matched + 1 : (b == RESOURCE[0] ? 1 : 0);
            if (matched == RESOURCE.length) {
                inTag = true;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
