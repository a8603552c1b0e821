package org.sciplat.token.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.auth.ClientAddress;
import org.sciplat.token.core.token.VerifiedToken;

/** The signed-in user of this request, as token-core knows them: the session token, verified once per request. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    WebSession webSession;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    private VerifiedToken token;

    /** The caller every token-core call is made as; a session that ended meanwhile is an invalid token. */
    public VerifiedToken token() {
        if (token == null) {
            token = webSession.current().orElseThrow(() -> new InvalidTokenException("Your session has ended"));
        }
        return token;
    }

    public boolean isLoggedIn() {
        return request.getUserPrincipal() != null && webSession.username() != null;
    }

    public String getUsername() {
        return webSession.username();
    }

    public boolean isAdmin() {
        return isLoggedIn() && token().isAdmin();
    }

    /** The key of this browser's own session token. */
    public String getSessionKey() {
        return webSession.key();
    }

    /** The address the change history records for this request: the client's, behind a trusted proxy too. */
    public String ipAddress() {
        return clientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }
}
