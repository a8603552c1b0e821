package org.sciplat.token.core.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.auth.AuthenticationResult.Authenticated;
import org.sciplat.token.core.auth.AuthenticationResult.InsufficientScope;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Missing;
import org.sciplat.token.core.auth.AuthenticationResult.Unavailable;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.jwt.TokenExchange;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * Decides who is calling, for the JSON API, the ingress check and the TAP gateway alike, so the same credentials get
 * the same answer at each, and counts each answer once under the entry point's name.
 *
 * <p>A valid session cookie, where the entry point passes one, is the caller; a stale one is ignored, as a browser
 * keeps sending it after its session ended. Otherwise the one token of the Authorization header is: a {@code gt-}
 * token through token-core's verification cache, a Bearer JWT from the token exchange through the container and
 * then the token it was exchanged from.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    @Inject
    TokenVerifier verifier;

    @Inject
    TokenExchange exchange;

    @Inject
    Authentications authentications;

    /**
     * The caller, or why there is none. With {@link Requirement#NONE} a request without credentials is
     * {@link Missing} but not counted: the entry point lets it through, and it is a refusal only if a resource then
     * needs a caller ({@link #countMissing}).
     */
    public AuthenticationResult authenticate(Where where, Credentials credentials, Requirement required) {
        AuthenticationResult result = check(credentials, required);
        if (!(result instanceof Missing) || required.needsCaller()) {
            authentications.record(where, result.counted());
        }
        return result;
    }

    /** Counts a request let through without credentials whose resource, it turned out, needed a caller. */
    public void countMissing(Where where) {
        authentications.record(where, Result.MISSING);
    }

    private AuthenticationResult check(Credentials credentials, Requirement required) {
        Authenticated caller;
        try {
            Optional<Authenticated> session = credentials.sessionCookie().flatMap(this::session);
            if (session.isPresent()) {
                caller = session.get();
            } else {
                Optional<Presented> presented = Presented.in(credentials.authorization());
                if (presented.isEmpty()) {
                    return new Missing();
                }
                caller = new Authenticated(verify(presented.get(), credentials), presented.get().token(), false);
            }
        } catch (InvalidTokenException e) {
            return new Invalid(e.getMessage());
        } catch (RuntimeException e) {
            // the class names only: a driver's message may quote the statement, and the answer is the same anyway
            LOG.log(Level.SEVERE, () -> "Cannot verify tokens: " + causes(e));
            return new Unavailable();
        }
        return required.isMetBy(caller.token()) ? caller : new InsufficientScope(required.scopes());
    }

    private Optional<Authenticated> session(String cookie) {
        try {
            return Optional.of(new Authenticated(verifier.verify(cookie), cookie, true));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    private VerifiedToken verify(Presented presented, Credentials credentials) {
        if (!presented.isJwt()) {
            return verifier.verify(presented.token());
        }
        JsonWebToken jwt = credentials.containerJwt().get()
                .orElseThrow(() -> new InvalidTokenException("Token is not valid"));
        return exchange.callerOf(jwt);
    }

    private static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            names.append(" caused by ").append(cause.getClass().getName());
        }
        return names.toString();
    }
}
