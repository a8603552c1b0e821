package org.sciplat.token.web.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.sciplat.token.core.AuthenticationFailedException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.oidc.OidcSettings;

/** The login page: the password form of the built-in directory, or the way to the identity provider. */
@Named
@RequestScoped
public class Login {

    /** Where a login lands when it did not start from a protected page. */
    static final String LANDING_PAGE = "/welcome";

    /** The login page's address. */
    public static final String PAGE = "/login";

    /** Open Liberty's cookie with the address of the page that sent the visitor to log in. */
    private static final String SAVED_REQUEST = "WASReqURL";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    @Inject
    LoginAttempt attempt;

    @Inject
    OidcSettings oidc;

    private String username;
    private String password;

    /** Users log in through the identity provider, not with a password here. */
    public boolean isFederated() {
        return oidc.enabled();
    }

    public void submit() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        // a new session id before the session becomes a signed-in one, so an id planted beforehand is worthless
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + pageAsked(request, response));
            default -> throw attempt.failure()
                    .map(Login::forPeople)
                    .orElseGet(() -> new AuthenticationFailedException("Invalid username or password"));
        }
    }

    /** token-core words a user in no group with a scope for API clients and logs; this is what the person is told. */
    private static TokenServiceException forPeople(TokenServiceException failure) {
        return failure instanceof PermissionDeniedException
                ? new PermissionDeniedException("Your account has no access to this service yet: ask the platform's "
                        + "support to add you to a group that has.")
                : failure;
    }

    /**
     * The page the visitor was sent to log in from: named by the login page's {@code next} parameter when this
     * application sent them (a session that ended), else by the container's cookie (a page opened without a login).
     */
    private static String pageAsked(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> saved = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> SAVED_REQUEST.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst();
        if (saved.isPresent()) {
            Cookie spent = new Cookie(SAVED_REQUEST, "");
            spent.setPath("/");
            spent.setMaxAge(0);
            response.addCookie(spent);
        }
        return ReturnPath.validated(request.getParameter("next"), request.getContextPath())
                .or(() -> saved.flatMap(url -> ReturnPath.validated(url, request.getContextPath())))
                .orElse(LANDING_PAGE);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
