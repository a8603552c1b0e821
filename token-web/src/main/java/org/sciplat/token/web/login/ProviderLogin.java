package org.sciplat.token.web.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.sciplat.token.core.FederatedLoginException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.oidc.AuthorizationRequest;
import org.sciplat.token.core.oidc.OidcProvider;
import org.sciplat.token.core.oidc.OidcSettings;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Sessions;

/**
 * Logging in through the identity provider: {@code /oidc/login} sends the browser there with a new authorization
 * request, kept in its HTTP session; {@code /oidc/callback} takes the provider's answer, once, for that request only,
 * makes a session token of it in token-core and signs the browser in with it through the container's one login
 * mechanism. A refusal is a page that says why ({@link LoginRefusal}).
 */
@WebServlet(urlPatterns = {ProviderLogin.START, ProviderLogin.CALLBACK})
public class ProviderLogin extends HttpServlet {

    static final String START = "/oidc/login";
    static final String CALLBACK = "/oidc/callback";
    private static final long serialVersionUID = 1L;
    private static final String PENDING = ProviderLogin.class.getName() + ".pending";

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    Sessions sessions;

    @Inject
    SecurityContext securityContext;

    @Inject
    LoginRefusal refusal;

    @Inject
    Authentications authentications;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!settings.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (START.equals(request.getServletPath())) {
                start(request, response);
            } else {
                callback(request, response);
            }
        } catch (TokenServiceException e) {
            authentications.record(Where.WEB, Result.ofLogin(e));
            refusal.show(e, request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthorizationRequest login = provider.begin(settings.redirectUri().orElseGet(() -> callbackUri(request)));
        // one login at a time per browser: a newer one replaces an unanswered older one
        request.getSession().setAttribute(PENDING, login);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(login.location().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        AuthorizationRequest login = session == null ? null : (AuthorizationRequest) session.getAttribute(PENDING);
        if (session != null) {
            // used once, whatever comes of it: a replayed answer finds nothing to match
            session.removeAttribute(PENDING);
        }
        String state = request.getParameter("state");
        if (login == null || state == null || !MessageDigest.isEqual(login.state().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new FederatedLoginException("This answer from the identity provider is for no login started "
                    + "here, or for one already completed. Log in again.");
        }
        if (request.getParameter("error") != null) {
            throw new FederatedLoginException("The identity provider did not log you in.");
        }
        OidcProvider.ProviderLogin answer = provider.complete(login, request.getParameter("code"));
        NewToken token = sessions.login(answer.profile(), request.getRemoteAddr());
        // a new session id before the session becomes a signed-in one, so an id planted beforehand is worthless
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .credential(new FederatedCredential(token, answer.idToken()))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + Login.LANDING_PAGE);
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            throw new FederatedLoginException("The login could not be completed. Log in again.");
        }
    }

    /** This application's callback, at the URL the browser reached. */
    private static URI callbackUri(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return URI.create(url.substring(0, url.length() - request.getServletPath().length()) + CALLBACK);
    }
}
