package org.sciplat.token.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers for every response of the web UI. The Content-Security-Policy of the Faces pages comes from PrimeFaces
 * (primefaces.CSP in web.xml), which gives each page's scripts a fresh nonce; this adds what does not vary.
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // no page of this application may be framed: clickjacking a Revoke button is the attack
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin keeps the Referer that Faces' protected views check, and gives no URL away elsewhere
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
