package org.sciplat.token.web.delivery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Compresses the pages for a browser that takes gzip, in pieces it can paint as they come ({@link CompressedPage}).
 * The server's own compression holds a page back until it is whole: a long token list then reached the browser, and
 * was painted, only once the last row was rendered.
 */
public class PageCompression extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!AcceptEncoding.takesGzip(request.getHeader("Accept-Encoding"))
                || ResourceAddresses.isResourceRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        CompressedPage page = new CompressedPage(response);
        try {
            chain.doFilter(request, page);
            page.finish();
        } finally {
            page.release();
        }
    }
}
