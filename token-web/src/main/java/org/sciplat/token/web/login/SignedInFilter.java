package org.sciplat.token.web.login;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.sciplat.token.web.delivery.ResourceAddresses;

/**
 * Ends the container's login when its session token no longer verifies (revoked through the API or by an
 * administrator, expired, or lost with a restart), so that no page is ever served on a dead session: the visitor is
 * sent to log in, and back to the page afterwards. A page's address ({@code /tokens}) is checked as the view it is
 * forwarded to.
 */
public class SignedInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSession webSession;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ResourceAddresses.isResourceRequest(request)) {
            // a style sheet or script is the same for everyone, signed in or not, and no reason to end a login
            chain.doFilter(request, response);
            return;
        }
        // no page is stored by a browser or a proxy: each carries its form's view state, the value that makes a
        // form submission genuine, and signed-in ones list token keys
        response.setHeader("Cache-Control", "no-store");
        if (request.getUserPrincipal() == null) {
            if (isBackground(request) && "GET".equals(request.getMethod())) {
                // a form sent in the background without a login: the container answered with a redirect to the
                // login page, which the browser followed in the background too; the page itself goes there
                String page = ReturnPath.validated(request.getHeader("Referer"), request.getContextPath())
                        .orElse(Login.LANDING_PAGE);
                redirectToLogin(request, response, page);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (webSession.current().isEmpty()) {
            ContainerLogin.end(request, response);
            redirectToLogin(request, response, ReturnPath.of(request));
            return;
        }
        chain.doFilter(request, response);
    }

    /** To the login page, which says the session has ended and returns to this page afterwards. */
    private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response, String page)
            throws IOException {
        String login = request.getContextPath() + Login.PAGE + "?expired=true&next="
                + URLEncoder.encode(page, StandardCharsets.UTF_8);
        if (isBackground(request)) {
            // a button that sends its form in the background reads only Faces' own answer: a redirect there
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response>"
                    + "<redirect url=\"" + login.replace("&", "&amp;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(login);
        }
    }

    private static boolean isBackground(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }
}
