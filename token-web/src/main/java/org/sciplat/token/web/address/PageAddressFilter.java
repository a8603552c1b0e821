package org.sciplat.token.web.address;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves each page at its address ({@link PageAddresses}) by forwarding to its view, and sends a browser that
 * opens a page's old {@code .xhtml} address (a bookmark, an old e-mail) to the new one. A form posted to an old
 * address, from a page opened before the addresses changed, is answered there.
 */
public class PageAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> view = PageAddresses.viewOf(path);
        if (view.isPresent()) {
            request.getRequestDispatcher(view.get()).forward(request, response);
            return;
        }
        if ("GET".equals(request.getMethod()) && request.getHeader("Faces-Request") == null
                && PageAddresses.isOldAddress(path)) {
            String url = request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                    + request.getQueryString());
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", PageAddresses.addressOf(url, request.getContextPath()));
            return;
        }
        chain.doFilter(request, response);
    }
}
