package org.sciplat.token.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.oidc.OidcSettings;

/**
 * Why a login through the identity provider was refused, as the page {@code /login-refused} shows it. A user
 * the provider knows but the platform does not (in no group that grants a scope) is sent to the enrollment URL
 * where one is configured.
 */
@Named
@RequestScoped
public class LoginRefusal {

    static final String PAGE = "/login-refused.xhtml";

    @Inject
    OidcSettings settings;

    private String title;
    private String detail;

    void show(TokenServiceException failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (failure instanceof PermissionDeniedException && settings.enrollmentUrl().isPresent()) {
            response.sendRedirect(settings.enrollmentUrl().get().toString());
            return;
        }
        if (failure instanceof PermissionDeniedException) {
            title = "You are not enrolled";
            detail = "The identity provider knows you, but you are in no group that may use this platform. "
                    + "Ask the platform's support to enroll you.";
        } else if (failure instanceof InvalidUsernameException) {
            title = "Your username cannot be used here";
            detail = failure.getMessage();
        } else {
            title = "You are not logged in";
            detail = failure.getMessage();
        }
        response.setStatus(failure.status());
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }
}
