package org.sciplat.token.core.auth;

import org.sciplat.token.core.auth.AuthenticationResult.InsufficientScope;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Refusal;

/**
 * The WWW-Authenticate values of a refusal, for every entry point: Bearer as RFC 6750 has it, and the Basic
 * challenge (RFC 7617) without which TOPCAT, STILTS and other java.net clients never send their credentials.
 * {@code realm} is the host the client addressed; it and every other value are quoted and escaped, since a Host
 * header is the client's to choose.
 */
public record Challenge(String realm) {

    /** The same for every invalid credential: which check failed is the body's to say, where there is one. */
    private static final String INVALID_TOKEN = "Token is not valid";
    private static final String INSUFFICIENT_SCOPE = "Token missing required scope";

    /** No error attributes for a missing credential: RFC 6750 section 3.1 asks for none then. */
    public String bearer(Refusal refusal) {
        StringBuilder challenge = new StringBuilder("Bearer realm=").append(quoted(realm));
        if (refusal instanceof Invalid) {
            challenge.append(", error=\"invalid_token\", error_description=").append(quoted(INVALID_TOKEN));
        } else if (refusal instanceof InsufficientScope insufficient) {
            challenge.append(", error=\"insufficient_scope\", error_description=").append(quoted(INSUFFICIENT_SCOPE))
                    .append(", scope=").append(quoted(String.join(" ", insufficient.scopes())));
        }
        return challenge.toString();
    }

    public String basic() {
        return "Basic realm=" + quoted(realm);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
