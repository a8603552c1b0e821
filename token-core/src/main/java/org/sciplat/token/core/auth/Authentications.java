package org.sciplat.token.core.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.sciplat.token.core.AuthenticationFailedException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.TokenServiceException;

/**
 * Counts how callers fared at each way into the platform, as {@code token.authentications} with the tags
 * {@code where} and {@code result}: what an operator watches for a client stuck on an expired token, a password
 * being guessed, or a database that stops verifications.
 */
@ApplicationScoped
public class Authentications {

    public static final String METRIC = "token.authentications";

    /** How one authentication ended. */
    public enum Result {
        /** The credential was valid (and, where a scope is required, held it). */
        SUCCESS,
        /** A resource that needs a caller got no credential at all. */
        MISSING,
        /** A credential was presented that is malformed, ambiguous, unknown, wrongly signed, expired or revoked. */
        INVALID_TOKEN,
        /** A login with a wrong username or password. */
        INVALID_CREDENTIALS,
        /** A valid caller without the scope required here (for a login: a user whose groups grant none). */
        INSUFFICIENT_SCOPE,
        /** The credential could not be checked: the database did not answer. */
        UNAVAILABLE;

        /** How a refused login ended, from token-core's refusal. */
        public static Result ofLogin(TokenServiceException refusal) {
            if (refusal instanceof AuthenticationFailedException) {
                return INVALID_CREDENTIALS;
            }
            if (refusal instanceof PermissionDeniedException) {
                return INSUFFICIENT_SCOPE;
            }
            return UNAVAILABLE;
        }

        String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The ways in, each with the results it can have there. */
    public enum Where {
        /** The JSON API's requests (a gt- token, a session cookie or a JWT) and its password logins. */
        API(EnumSet.of(Result.SUCCESS, Result.MISSING, Result.INVALID_TOKEN, Result.INVALID_CREDENTIALS,
                Result.INSUFFICIENT_SCOPE, Result.UNAVAILABLE)),
        /** The reverse proxy's check, /auth/ingress/auth. */
        INGRESS(EnumSet.of(Result.SUCCESS, Result.MISSING, Result.INVALID_TOKEN, Result.INSUFFICIENT_SCOPE,
                Result.UNAVAILABLE)),
        /** The TAP gateway, /api/tap. */
        TAP(EnumSet.of(Result.SUCCESS, Result.MISSING, Result.INVALID_TOKEN, Result.INSUFFICIENT_SCOPE,
                Result.UNAVAILABLE)),
        /** The web UI's login form. */
        WEB(EnumSet.of(Result.SUCCESS, Result.INVALID_CREDENTIALS, Result.INSUFFICIENT_SCOPE, Result.UNAVAILABLE));

        private final Set<Result> results;

        Where(Set<Result> results) {
            this.results = results;
        }

        String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    MetricRegistry metrics;

    private final Map<Where, Map<Result, Counter>> counters = new EnumMap<>(Where.class);

    @PostConstruct
    void register() {
        Metadata metadata = Metadata.builder().withName(METRIC)
                .withDescription("Authentications by where they happened and how they ended").build();
        for (Where where : Where.values()) {
            Map<Result, Counter> byResult = new EnumMap<>(Result.class);
            for (Result result : where.results) {
                byResult.put(result, metrics.counter(metadata,
                        new Tag("where", where.tagValue()), new Tag("result", result.tagValue())));
            }
            counters.put(where, byResult);
        }
    }

    /** Created with the application, not at the first authentication: every series exists at 0 from the start. */
    void created(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // creating the bean registered the counters
    }

    public void record(Where where, Result result) {
        Counter counter = counters.get(where).get(result);
        if (counter == null) {
            throw new IllegalArgumentException(where + " has no authentication result " + result);
        }
        counter.inc();
    }
}
