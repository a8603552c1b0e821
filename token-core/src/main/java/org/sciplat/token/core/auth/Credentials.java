package org.sciplat.token.core.auth;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a request presents to prove who is calling, as its entry point gathered it: every Authorization header value
 * (so that two of them are seen, not one picked), the session cookie where the entry point takes one, and a way to
 * ask the container about a Bearer JWT where it can verify one (it checks the signature, issuer and expiry).
 */
public record Credentials(List<String> authorization, Optional<String> sessionCookie,
        Supplier<Optional<JsonWebToken>> containerJwt) {

    public Credentials {
        // a blank header names no credential, the same as no header
        authorization = authorization.stream().filter(value -> value != null && !value.isBlank()).toList();
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        Objects.requireNonNull(containerJwt, "containerJwt");
    }

    /** A request's Authorization header values, without a cookie; a JWT is refused, having nobody to verify it. */
    public static Credentials authorization(Enumeration<String> values) {
        return new Credentials(values == null ? List.of() : Collections.list(values), Optional.empty(),
                Optional::empty);
    }

    public Credentials withSessionCookie(Optional<String> cookie) {
        return new Credentials(authorization, cookie, containerJwt);
    }

    public Credentials withContainerJwt(Supplier<Optional<JsonWebToken>> check) {
        return new Credentials(authorization, sessionCookie, check);
    }

    /** Never the values themselves: they are secrets. */
    @Override
    public String toString() {
        return "Credentials[" + authorization.size() + " Authorization header(s)"
                + (sessionCookie.isPresent() ? ", a session cookie]" : "]");
    }
}
