package org.sciplat.token.core.auth;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * How an authentication ended. Every entry point gets the same kinds for the same credentials and only chooses how
 * to say them in its protocol: a JSON body, a plain-text page, a bare status for a reverse proxy.
 */
public sealed interface AuthenticationResult {

    /** How the {@code token.authentications} metric counts this ending. */
    Result counted();

    /**
     * The caller. {@code presented} is the token exactly as sent, from which CSRF values, delegated tokens and the
     * TAP proxy's JWTs derive; it is left out of {@link #toString()} so that no log line can hold it.
     */
    record Authenticated(VerifiedToken token, String presented, boolean fromSessionCookie)
            implements AuthenticationResult {

        @Override
        public Result counted() {
            return Result.SUCCESS;
        }

        @Override
        public String toString() {
            return "Authenticated[" + token.username() + ", token " + token.key()
                    + (fromSessionCookie ? ", from the session cookie]" : "]");
        }
    }

    /** A refusal the client can act on, so it comes with a challenge ({@link Challenge#bearer}). */
    sealed interface Refusal extends AuthenticationResult {
    }

    /** No credential at all. */
    record Missing() implements Refusal {

        @Override
        public Result counted() {
            return Result.MISSING;
        }
    }

    /**
     * A credential that proves nothing: malformed, unknown, wrongly signed, expired, revoked, or ambiguous.
     * {@code reason} is a fixed text fit for the client, never an echo of what was sent.
     */
    record Invalid(String reason) implements Refusal {

        @Override
        public Result counted() {
            return Result.INVALID_TOKEN;
        }
    }

    /** A valid caller without the scopes required here; {@code scopes} are those required, sorted. */
    record InsufficientScope(SortedSet<String> scopes) implements Refusal {

        public InsufficientScope {
            scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        }

        @Override
        public Result counted() {
            return Result.INSUFFICIENT_SCOPE;
        }
    }

    /** The credential could not be checked (the database did not answer); the client may retry. */
    record Unavailable() implements AuthenticationResult {

        @Override
        public Result counted() {
            return Result.UNAVAILABLE;
        }
    }
}
