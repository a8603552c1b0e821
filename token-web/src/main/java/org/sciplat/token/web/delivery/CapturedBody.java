package org.sciplat.token.web.delivery;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response whose body is kept in memory instead of sent, so that it can be stored before it is. A body larger
 * than the limit is not kept: what was kept is sent then, and the rest streams through.
 */
final class CapturedBody extends HeldBody {

    CapturedBody(HttpServletResponse response, int limit) {
        super(response, limit);
    }

    /** The whole body, or null when it was too large to keep (and has been sent). */
    byte[] body() {
        flushWriter();
        return isSending() ? null : held().toByteArray();
    }

    @Override
    OutputStream open() throws IOException {
        return getResponse().getOutputStream();
    }

    // the length is the cache's to set, from the encoding it sends
    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void flushBuffer() throws IOException {
        if (isSending()) {
            super.flushBuffer();
        }
    }
}
