package org.sciplat.token.web.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login through Jakarta Security: a protected page sends an anonymous visitor to the Faces login page, and
 * back to that page once {@link Login} has authenticated them against {@link SessionIdentityStore}.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = Login.PAGE,
        // a redirect, not a forward: the login form then posts to its own URL, and the browser shows it
        useForwardToLogin = false,
        // failures are shown on the login page itself, next to the form
        errorPage = ""))
public class WebAuthentication {
}
