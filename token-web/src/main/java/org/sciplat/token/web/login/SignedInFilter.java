package org.sciplat.token.web.login;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Ends the container's login when its session token no longer verifies (revoked through the API or by an
 * administrator, expired, or lost with a restart), so that no page is ever served on a dead session.
 */
@WebFilter(filterName = "SignedInFilter", urlPatterns = "*.xhtml")
public class SignedInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSession webSession;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // no page is stored by a browser or a proxy: each carries its form's view state, the value that makes a
        // form submission genuine, and signed-in ones list token keys
        response.setHeader("Cache-Control", "no-store");
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (webSession.current().isEmpty()) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml?expired=true");
            return;
        }
        chain.doFilter(request, response);
    }
}
