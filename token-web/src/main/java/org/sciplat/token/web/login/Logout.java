package org.sciplat.token.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.sciplat.token.core.oidc.OidcProvider;
import org.sciplat.token.core.oidc.OidcSettings;

/**
 * Logging out: the session token is revoked in token-core, then the container's login and the HTTP session end, and
 * with an identity provider that offers it, the browser goes on to end its session there too.
 */
@Named
@RequestScoped
public class Logout {

    @Inject
    WebSession webSession;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExternalContext external;

    @Inject
    OidcSettings oidc;

    @Inject
    OidcProvider provider;

    @Inject
    FacesContext faces;

    public void submit() throws IOException {
        String idToken = webSession.idToken();
        webSession.logout(currentUser.ipAddress());
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        ContainerLogin.end(request, (HttpServletResponse) external.getResponse());
        String loggedOut = external.getRequestContextPath() + Login.PAGE + "?loggedOut=true";
        // the old address, as identity providers have it registered (README): it leads on to the login page
        String registered = external.getRequestContextPath() + "/login.xhtml?loggedOut=true";
        Optional<URI> atProvider = oidc.enabled()
                ? provider.logoutLocation(idToken, oidc.redirectUri()
                        .orElseGet(() -> URI.create(request.getRequestURL().toString())).resolve(registered))
                : Optional.empty();
        if (atProvider.isEmpty()) {
            external.redirect(loggedOut);
            return;
        }
        // not a redirect: the form's Content-Security-Policy (form-action 'self') would stop one to the provider;
        // a page that moves on by itself is a navigation of its own
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        String location = escaped(atProvider.get().toString());
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + location + "\">"
                + "<title>Logging out - Science Platform Tokens</title></head><body><main><h1>Logging out</h1>"
                + "<p>Your session here has ended. <a id=\"provider-logout\" href=\"" + location
                + "\">End your session at the identity provider too</a>.</p></main></body></html>\n");
        faces.responseComplete();
    }

    private static String escaped(String url) {
        return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
