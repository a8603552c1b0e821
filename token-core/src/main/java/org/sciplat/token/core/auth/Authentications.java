package org.sciplat.token.core.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.sciplat.token.core.AuthenticationFailedException;
import org.sciplat.token.core.FederatedLoginException;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.PasswordLoginDisabledException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.TooManyLoginAttemptsException;

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
        /** A login with a wrong username or password, or one the identity provider's answer does not prove. */
        INVALID_CREDENTIALS,
        /** A valid caller without the scope required here (for a login: a user whose groups grant none). */
        INSUFFICIENT_SCOPE,
        /** A login refused unchecked: its client address waits after too many wrong passwords. */
        THROTTLED,
        /** The credential could not be checked: the database did not answer. */
        UNAVAILABLE;

        /** How a refused login ended, from token-core's refusal. */
        public static Result ofLogin(TokenServiceException refusal) {
            if (refusal instanceof AuthenticationFailedException || refusal instanceof PasswordLoginDisabledException
                    || refusal instanceof FederatedLoginException || refusal instanceof InvalidUsernameException) {
                return INVALID_CREDENTIALS;
            }
            if (refusal instanceof PermissionDeniedException) {
                return INSUFFICIENT_SCOPE;
            }
            if (refusal instanceof TooManyLoginAttemptsException) {
                return THROTTLED;
            }
            return UNAVAILABLE;
        }

        String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A way in, named by its {@code where} tag, with the results it can have there. Core names its own; a module
     * with a gate of its own (the TAP gateway) makes one with {@link #bearer} and registers it at its start.
     */
    public record Where(String tag, Set<Result> results) {

        /** The JSON API's requests (a gt- token, a session cookie or a JWT) and its password logins. */
        public static final Where API = new Where("api", EnumSet.of(Result.SUCCESS, Result.MISSING,
                Result.INVALID_TOKEN, Result.INVALID_CREDENTIALS, Result.INSUFFICIENT_SCOPE, Result.THROTTLED,
                Result.UNAVAILABLE));
        /** The reverse proxy's check, /auth/ingress/auth. */
        public static final Where INGRESS = bearer("ingress");
        /** The web UI's login form. */
        public static final Where WEB = new Where("web", EnumSet.of(Result.SUCCESS, Result.INVALID_CREDENTIALS,
                Result.INSUFFICIENT_SCOPE, Result.THROTTLED, Result.UNAVAILABLE));

        public Where {
            results = Set.copyOf(results);
        }

        /** A gate that admits requests bearing a token, with or without a required scope. */
        public static Where bearer(String tag) {
            return new Where(tag, EnumSet.of(Result.SUCCESS, Result.MISSING, Result.INVALID_TOKEN,
                    Result.INSUFFICIENT_SCOPE, Result.UNAVAILABLE));
        }
    }

    @Inject
    MetricRegistry metrics;

    private final Map<String, Map<Result, Counter>> counters = new ConcurrentHashMap<>();

    @PostConstruct
    void registerOwn() {
        List.of(Where.API, Where.INGRESS, Where.WEB).forEach(this::register);
    }

    /** Creates the way in's series at 0, so that they exist from the start rather than from the first use. */
    public void register(Where where) {
        counters.computeIfAbsent(where.tag(), tag -> {
            Metadata metadata = Metadata.builder().withName(METRIC)
                    .withDescription("Authentications by where they happened and how they ended").build();
            Map<Result, Counter> byResult = new EnumMap<>(Result.class);
            for (Result result : where.results()) {
                byResult.put(result, metrics.counter(metadata, new Tag("where", tag),
                        new Tag("result", result.tagValue())));
            }
            return byResult;
        });
    }

    /** Created with the application, not at the first authentication: every series exists at 0 from the start. */
    void created(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // creating the bean registered the counters
    }

    public void record(Where where, Result result) {
        register(where);
        Counter counter = counters.get(where.tag()).get(result);
        if (counter == null) {
            throw new IllegalArgumentException(where + " has no authentication result " + result);
        }
        counter.inc();
    }
}
