package org.sciplat.tap.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * A TAP request as the service behind the gateway sees it: the token's user as its principal, the token's scopes
 * as its roles, and no Authorization header, so the token travels no further than the gateway.
 */
public final class TapCaller extends HttpServletRequestWrapper {

    private static final String AUTHORIZATION = "Authorization";
    private final VerifiedToken token;
    private final Principal principal;

    TapCaller(HttpServletRequest request, VerifiedToken token) {
        super(request);
        this.token = token;
        String username = token.username();
        this.principal = () -> username;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return token.hasScope(role);
    }

    @Override
    public String getAuthType() {
        return "TOKEN";
    }

    @Override
    public String getHeader(String name) {
        return AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        names.removeIf(AUTHORIZATION::equalsIgnoreCase);
        return Collections.enumeration(names);
    }
}
