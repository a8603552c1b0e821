package org.sciplat.token.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose URI carries a ";" path parameter. Open Liberty maps such a URI on its canonical form (path
 * parameters dropped, dot segments resolved), so /index.xhtml;x/../admin/users.xhtml names one page and runs
 * another: the web UI tracks its session by cookie only and never writes one into a link. Before the sign-in check
 * in web.xml's filter order, so that such a request meets no login redirect either.
 */
public class PathParameterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
