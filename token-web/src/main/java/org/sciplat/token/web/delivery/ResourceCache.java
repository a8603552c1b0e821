package org.sciplat.token.web.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Serves the style sheets, scripts and fonts that Faces and PrimeFaces serve, from memory after the first time and
 * compressed once. Faces reads each from its jar per request and runs a style sheet's expressions each time (about
 * 25 ms for PrimeFaces' theme), and the server compressed each script again for every page (another 20 ms for
 * PrimeFaces' largest): all of it on the way to a page's first paint. They are the same for every visitor.
 *
 * <p>Only addresses Faces writes are kept (a resource's path and its ln, v, e, loc and con parameters); anything
 * else, and whatever is not a 200, takes the usual way. The memory is bounded by size.
 */
public class ResourceCache extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String PREFIX = "/jakarta.faces.resource/";

    private static final Set<String> FACES_PARAMETERS = Set.of("ln", "v", "e", "loc", "con");
    private static final Pattern PATH = Pattern.compile("/jakarta\\.faces\\.resource/[A-Za-z0-9_./-]{1,200}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int LARGEST = 2 * 1024 * 1024;
    private static final long CAPACITY = 32L * 1024 * 1024;

    private final transient Cache<String, CachedResource> cache = Caffeine.newBuilder()
            .maximumWeight(CAPACITY)
            .weigher((String key, CachedResource resource) -> resource.weight())
            .build();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> key = "GET".equals(request.getMethod())
                ? keyOf(request.getRequestURI().substring(request.getContextPath().length()), request.getQueryString())
                : Optional.empty();
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        CachedResource resource = cache.getIfPresent(key.get());
        if (resource == null) {
            CapturedBody captured = new CapturedBody(response, LARGEST);
            chain.doFilter(request, captured);
            byte[] body = captured.body();
            if (body == null || response.isCommitted()) {
                return;
            }
            if (response.getStatus() != HttpServletResponse.SC_OK) {
                // a 304 to a browser's conditional request, say: sent as Faces made it
                response.getOutputStream().write(body);
                return;
            }
            resource = CachedResource.of(response.getContentType(), response.getHeader("Cache-Control"),
                    response.getHeader("Last-Modified"), body);
            cache.put(key.get(), resource);
        }
        send(resource, request, response);
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

    /** The resource's path and its Faces parameters in one order, or empty when the address is not one Faces writes. */
    static Optional<String> keyOf(String path, String query) {
        if (!PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        TreeMap<String, String> parameters = new TreeMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                if (!FACES_PARAMETERS.contains(name) || !VALUE.matcher(value).matches()
                        || parameters.put(name, value) != null) {
                    return Optional.empty();
                }
            }
        }
        StringBuilder key = new StringBuilder(path);
        parameters.forEach((name, value) -> key.append('&').append(name).append('=').append(value));
        return Optional.of(key.toString());
    }
}
