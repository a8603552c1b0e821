package org.sciplat.token.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sciplat.token.api.error.BodyTooLargeException;

/**
 * No request body of the API, JSON or form, is read past {@code sciplat.api.max-body-size} bytes: a declared
 * length over it is refused before reading, and a body sent without one (chunked) is cut off where it passes it; a
 * form without one is bounded before JAX-RS by {@link BoundedForm}.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    private final long limit = configured();

    /** The most bytes of a request body the API reads, {@code sciplat.api.max-body-size}. */
    static long configured() {
        return ConfigProvider.getConfig().getOptionalValue("sciplat.api.max-body-size", Long.class).orElse(65_536L);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            throw new BodyTooLargeException(limit);
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            // the container reads a form's parameters itself, not through the entity stream: of a declared length
            // within the limit (above), or read and decoded within it by BoundedForm when sent without one
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    /** Throws, unchecked so that no parser can take it for the end of its input, once more than limit is read. */
    static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
