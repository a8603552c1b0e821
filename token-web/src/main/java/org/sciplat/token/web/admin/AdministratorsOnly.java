package org.sciplat.token.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.web.login.WebSession;

/**
 * A signed-in user who is no administrator gets the "Not allowed" page (403) for an administration page, rather
 * than a page that fails on its first call to token-core, which refuses them anyway. A session that has ended is
 * left to the sign-in check, which sends the browser to log in. Checked on the view a page's address is forwarded
 * to as well, whichever of the two filters the container runs first.
 */
public class AdministratorsOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSession webSession;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<VerifiedToken> session = request.getUserPrincipal() == null ? Optional.empty() : webSession.current();
        if (session.isPresent() && !session.get().isAdmin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
