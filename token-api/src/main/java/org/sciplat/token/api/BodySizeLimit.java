package org.sciplat.token.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.sciplat.token.api.error.BodyTooLargeException;
import org.sciplat.token.core.io.BoundedInputStream;

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

    /** The request body, throwing BodyTooLargeException once more than limit is read. */
    static final class Bounded extends BoundedInputStream {

        Bounded(InputStream in, long limit) {
            super(in, limit, BodyTooLargeException::new);
        }
    }
}
