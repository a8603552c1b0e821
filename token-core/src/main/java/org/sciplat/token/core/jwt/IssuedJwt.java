package org.sciplat.token.core.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedSet;

/** A JWT just issued by the token exchange, with what the response tells the client about it. */
public record IssuedJwt(String token, Instant issuedAt, Instant expires, SortedSet<String> scopes) {

    /** Whole seconds the JWT is valid for from its issue, the OAuth {@code expires_in}. */
    public long expiresIn() {
        return Duration.between(issuedAt, expires).toSeconds();
    }

    /** The scopes as OAuth spells them: space-separated. */
    public String scope() {
        return String.join(" ", scopes);
    }

    /** Leaves out the JWT itself, which is a bearer credential. */
    @Override
    public String toString() {
        return "IssuedJwt[issuedAt=" + issuedAt + ", expires=" + expires + ", scopes=" + scopes + "]";
    }
}
