package org.sciplat.tap.gateway.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Admits a TAP request only with a token, and tells a client that has none how to send one.
 *
 * <p>The 401 carries two challenges: Bearer for token-aware clients, and Basic because TOPCAT, STILTS and the
 * other JDK-based clients only retry with credentials after a Basic challenge.
 */
@WebFilter(filterName = "TokenGatewayFilter", urlPatterns = "/*")
public class TokenGatewayFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** VOSI resources that clients read before they know they must authenticate. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/availability", "/capabilities");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (PUBLIC_PATHS.contains(request.getServletPath() + nullToEmpty(request.getPathInfo()))) {
            chain.doFilter(request, response);
            return;
        }
        Challenge challenge = new Challenge(request.getServerName());
        if (request.getHeader("Authorization") == null) {
            challenge.missingCredentials(response);
        } else {
            // No token can be verified before token-core issues them; every presented credential is invalid.
            challenge.invalidToken(response);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
