package org.sciplat.token.web.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the style sheets, scripts and fonts that Faces and PrimeFaces serve, from memory after the first time and
 * compressed once. Faces reads each from its jar per request and runs a style sheet's expressions each time (about
 * 25 ms for PrimeFaces' theme), and the server compressed each script again for every page (another 20 ms for
 * PrimeFaces' largest): all of it on the way to a page's first paint. They are the same for every visitor.
 *
 * <p>Only what cannot differ between visitors is kept: an address Faces itself wrote ({@link ResourceAddresses}; a
 * made-up version or parameter is answered the usual way, never kept), asked for without a Faces background
 * request's header, answered 200 with the type its name says, no cookie and nothing that forbids storing it. The
 * memory is bounded by size.
 */
public class ResourceCache extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final int LARGEST = 2 * 1024 * 1024;
    private static final long CAPACITY = 32L * 1024 * 1024;
    // what an entry costs beside its bytes: its address, its headers, the cache's own node
    private static final int ENTRY = 1024;

    private final transient Cache<String, CachedResource> cache = Caffeine.newBuilder()
            .maximumWeight(CAPACITY)
            .weigher((String address, CachedResource resource) -> ENTRY + resource.weight())
            .build();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String address = request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                + request.getQueryString());
        if (!"GET".equals(request.getMethod()) || request.getHeader("Faces-Request") != null
                || !ResourceAddresses.isWritten(address)) {
            chain.doFilter(request, response);
            return;
        }
        CachedResource resource = cache.getIfPresent(address);
        if (resource == null) {
            CapturedBody captured = new CapturedBody(response, LARGEST);
            chain.doFilter(request, captured);
            byte[] body = captured.body();
            if (body == null || response.isCommitted()) {
                return;
            }
            if (!isTheSameForEveryone(request, response)) {
                // a 304 to a browser's conditional request, say: sent as Faces made it
                response.getOutputStream().write(body);
                return;
            }
            resource = CachedResource.of(response.getContentType(), response.getHeader("Cache-Control"),
                    response.getHeader("Last-Modified"), body);
            cache.put(address, resource);
        }
        send(resource, request, response);
    }

    private boolean isTheSameForEveryone(HttpServletRequest request, HttpServletResponse response) {
        String type = response.getContentType() == null ? "" : response.getContentType().split(";")[0].strip();
        String path = request.getRequestURI();
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.xhtml$", "");
        String expected = getServletContext().getMimeType(name);
        String cacheControl = String.valueOf(response.getHeader("Cache-Control"));
        return response.getStatus() == HttpServletResponse.SC_OK
                && (expected != null ? type.equalsIgnoreCase(expected) : !type.startsWith("text/html")
                        && !type.startsWith("text/xml") && !type.isEmpty())
                && response.getHeader("Set-Cookie") == null
                && !cacheControl.contains("no-store") && !cacheControl.contains("private");
    }

    private static void send(CachedResource resource, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType(resource.contentType());
        if (resource.cacheControl() != null) {
            response.setHeader("Cache-Control", resource.cacheControl());
        }
        if (resource.lastModified() != null) {
            response.setHeader("Last-Modified", resource.lastModified());
        }
        response.setHeader("ETag", resource.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (resource.matches(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = resource.identity();
        if (AcceptEncoding.takesGzip(request.getHeader("Accept-Encoding"))) {
            body = resource.gzip();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
