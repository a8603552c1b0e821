package org.sciplat.token.web.login;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.sciplat.token.core.TokenServiceException;

/** Why the login of this request failed, carried from the identity store back to the login form. */
@RequestScoped
public class LoginAttempt {

    private TokenServiceException failure;

    void failed(TokenServiceException reason) {
        this.failure = reason;
    }

    Optional<TokenServiceException> failure() {
        return Optional.ofNullable(failure);
    }
}
