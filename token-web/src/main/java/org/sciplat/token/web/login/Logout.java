package org.sciplat.token.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Logging out: the session token is revoked in token-core, then the container's login and the HTTP session end. */
@Named
@RequestScoped
public class Logout {

    @Inject
    WebSession webSession;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExternalContext external;

    public void submit() throws IOException, ServletException {
        webSession.logout(currentUser.ipAddress());
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }
}
