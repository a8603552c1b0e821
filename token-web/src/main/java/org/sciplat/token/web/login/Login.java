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
import java.io.IOException;
import org.sciplat.token.core.AuthenticationFailedException;
import org.sciplat.token.core.oidc.OidcSettings;

/** The login page: the password form of the built-in directory, or the way to the identity provider. */
@Named
@RequestScoped
public class Login {

    /** Where a login lands when it did not start from a protected page. */
    static final String LANDING_PAGE = "/welcome.xhtml";

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
            case SUCCESS -> external.redirect(external.getRequestContextPath() + LANDING_PAGE);
            default -> throw attempt.failure()
                    .orElseGet(() -> new AuthenticationFailedException("Invalid username or password"));
        }
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
