package org.sciplat.tap.service.query;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * No TAP request body, form or multipart, larger than {@code sciplat.tap.max-request-size} is read: the container
 * parses a form whole into memory when its parameters are first asked for, and @MultipartConfig's limit does not
 * hold for that. A form sent without a length (chunked) could not be bounded before parsing, so it is refused too;
 * a multipart body without one (an upload streamed by STILTS or TOPCAT) is bounded by @MultipartConfig.
 * Parameters that cannot be decoded are refused here as well, before a servlet asks for them.
 */
@WebFilter(filterName = "RequestSizeLimit", servletNames = {"Sync", "Async"})
public class RequestSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient QueryLimits limits;

    /** Whether the request's body is multipart/form-data (an upload's, or a form sent as one). */
    public static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length > limits.maxRequestBytes()) {
            ErrorDocument.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request is " + length
                    + " bytes long; the service reads requests of at most " + limits.maxRequestBytes() + " bytes");
            return;
        }
        // a multipart body, as STILTS and TOPCAT stream their uploads, is bounded by the servlets' @MultipartConfig
        if (length < 0 && request.getHeader("Transfer-Encoding") != null && !isMultipart(request)) {
            ErrorDocument.send(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Send the request with its"
                    + " Content-Length: the service reads requests of at most " + limits.maxRequestBytes()
                    + " bytes");
            return;
        }
        try {
            // read here, once, so that a form the container cannot decode is the client's 400, not a servlet's 500
            request.getParameterMap();
        } catch (IllegalArgumentException e) {
            ErrorDocument.send(response, HttpServletResponse.SC_BAD_REQUEST, "The request's parameters are not"
                    + " valid form encoding (a % must start an escape of two hexadecimal digits)");
            return;
        } catch (IllegalStateException e) {
            // the container's multipart parser stopped at @MultipartConfig's maximum
            ErrorDocument.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request is larger"
                    + " than the " + limits.maxRequestBytes() + " bytes the service reads");
            return;
        }
        chain.doFilter(request, response);
    }
}
