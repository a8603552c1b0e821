package org.sciplat.tap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose URI carries a ";" path parameter, before the gateway looks at its token. Open Liberty maps
 * such a URI on its canonical form (path parameters dropped, dot segments resolved), so /api/tap/availability;a/../async
 * reaches the async servlet: no TAP client sends one, and answering it as another resource only serves those who
 * probe for differences between what a proxy checks and what the server runs. First in web.xml's filter order.
 */
@WebFilter(filterName = "PathParameterFilter", urlPatterns = "/*")
public class PathParameterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            PlainText.send(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Path parameters (';') are not accepted in TAP service URLs");
            return;
        }
        chain.doFilter(request, response);
    }
}
