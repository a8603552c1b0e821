package org.sciplat.token.core.ingress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.AuthenticationResult;
import org.sciplat.token.core.auth.AuthenticationResult.Authenticated;
import org.sciplat.token.core.notice.ExpiryWarning;
import org.sciplat.token.core.usage.TokenUses;
import org.sciplat.token.core.auth.AuthenticationResult.InsufficientScope;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Missing;
import org.sciplat.token.core.auth.AuthenticationResult.Refusal;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.auth.Authenticator;
import org.sciplat.token.core.auth.Challenge;
import org.sciplat.token.core.quota.ApiQuotas;
import org.sciplat.token.core.quota.QuotaUse;
import org.sciplat.token.core.quota.UserQuotas;
import org.sciplat.token.core.token.Delegations;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Token;
import org.sciplat.token.core.token.TokenStore;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.user.Identities;
import org.sciplat.token.core.user.Identities.Identity;

/**
 * Decides the ingress check: whether a request the proxy holds may reach the service behind it, what the service
 * learns about the caller ({@code X-Auth-Request-*}), which delegated token it gets, and what of the request's
 * credentials it may see. The platform's token and session cookie never reach the service, whatever the outcome.
 *
 * <p>Delegation mints tokens, so it is honoured only when a trusted proxy asks: a client calling the check itself
 * must not choose its own {@code delegate_to}. The other parameters only narrow who passes, so they apply to anyone.
 */
@ApplicationScoped
public class IngressGate {

    static final String USER = "X-Auth-Request-User";
    /** How a use through a location that names no service is recorded. */
    static final String INGRESS_SERVICE = "ingress";
    static final String SCOPES = "X-Auth-Request-Scopes";
    static final String EMAIL = "X-Auth-Request-Email";
    static final String SERVICE = "X-Auth-Request-Service";
    static final String TOKEN = "X-Auth-Request-Token";
    static final String ERROR_STATUS = "X-Error-Status";
    private static final int MAX_ENTRIES = 100_000;

    @Inject
    Authenticator authenticator;

    @Inject
    Delegations delegations;

    @Inject
    TokenStore store;

    @Inject
    Identities identities;

    @Inject
    UserQuotas userQuotas;

    @Inject
    ApiQuotas quotas;

    @Inject
    ExpiryWarning expiryWarning;

    @Inject
    TokenUses uses;

    /** The service a token was delegated to never changes, so it is read once per token. */
    private final Cache<String, Optional<String>> delegatedTo =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterAccess(Duration.ofHours(1)).build();

    /** The check of a protected location. */
    public IngressAnswer check(IngressRequest request, IngressCall call) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.allowOptions() && call.preflight()) {
            passOn(call, headers);
            return IngressAnswer.pass(headers);
        }
        if (request.delegates() && !call.fromTrustedProxy()) {
            return refuse(403, "permission_denied", "Delegated tokens are only for the platform's proxy", headers);
        }
        AuthenticationResult result = authenticator.authenticate(Where.INGRESS, call.credentials(),
                request.requirement());
        Challenge challenge = new Challenge(call.realm());
        if (result instanceof Authenticated caller) {
            return admitted(request, call, caller, challenge, headers);
        }
        if (result instanceof Refusal refusal) {
            boolean basic = request.basicChallenge() && !(refusal instanceof InsufficientScope);
            headers.put("WWW-Authenticate", basic ? challenge.basic() : challenge.bearer(refusal));
            if (refusal instanceof Missing) {
                return refuse(401, "not_authenticated", "Authentication required", headers);
            }
            if (refusal instanceof Invalid invalid) {
                return refuse(401, "invalid_token", invalid.reason(), headers);
            }
            return refuse(403, "insufficient_scope", "Token missing required scope", headers);
        }
        return refuse(503, "unavailable", "The token service cannot check tokens right now", headers);
    }

    /** The check of a public location: nobody is refused, and the platform's credentials are still taken out. */
    public IngressAnswer anonymous(IngressCall call) {
        Map<String, String> headers = new LinkedHashMap<>();
        passOn(call, headers);
        return IngressAnswer.pass(headers);
    }

    private IngressAnswer admitted(IngressRequest request, IngressCall call, Authenticated caller,
            Challenge challenge, Map<String, String> headers) {
        VerifiedToken token = caller.token();
        if (request.username().isPresent() && !request.username().get().equals(token.username())) {
            return refuse(403, "permission_denied", "This service is for another user", headers);
        }
        Optional<String> service = delegatedService(token);
        if (!request.onlyServices().isEmpty()
                && service.filter(name -> request.onlyServices().contains(name)).isEmpty()) {
            return refuse(403, "permission_denied", "Only tokens delegated to this service are accepted here",
                    headers);
        }
        if (request.minimumLifetime().isPresent() && token.expires() != null
                && token.expires().isBefore(Instant.now().plus(request.minimumLifetime().get()))) {
            // a 401, so that a browser logs in again and comes back with a fresh session
            headers.put("WWW-Authenticate", request.basicChallenge() ? challenge.basic()
                    : challenge.bearer(new Invalid("Token expires too soon")));
            return refuse(401, "invalid_token", "Token expires too soon for this service", headers);
        }
        Identity identity = identities.of(token.username());
        if (request.service().isPresent()) {
            Optional<IngressAnswer> overQuota = countQuota(token.username(), identity.groups(),
                    request.service().get(), headers);
            if (overQuota.isPresent()) {
                return overQuota.get();
            }
        }
        headers.put(USER, token.username());
        headers.put(SCOPES, String.join(" ", token.scopes()));
        identity.email().ifPresent(email -> headers.put(EMAIL, email));
        service.ifPresent(name -> headers.put(SERVICE, name));
        // where the token was used: the service the location names, as seen by the proxy
        uses.seen(token, call.clientAddress(), request.service().orElse(INGRESS_SERVICE));
        // for the proxy to pass on (auth_request_set), as the API's own answers carry it
        expiryWarning.headerFor(token, Instant.now()).ifPresent(warning -> headers.put(ExpiryWarning.HEADER, warning));
        if (request.delegates()) {
            try {
                headers.put(TOKEN, delegate(request, call, caller).credential().reveal());
            } catch (TokenServiceException e) {
                return refuse(e.status(), e.type(), e.getMessage(), new LinkedHashMap<>());
            }
        }
        passOn(call, headers);
        return IngressAnswer.pass(headers);
    }

    private NewToken delegate(IngressRequest request, IngressCall call, Authenticated caller) {
        Duration minimum = request.minimumLifetime().orElse(null);
        if (request.notebook()) {
            return delegations.notebookAtIngress(caller.token(), caller.presented(), minimum, call.clientAddress());
        }
        return delegations.internalAtIngress(caller.token(), caller.presented(), request.delegateTo().orElseThrow(),
                request.delegateScopes(), minimum, call.clientAddress());
    }

    /** The cleaned credentials, as the headers of the same names that the proxy sets on the forwarded request. */
    private static void passOn(IngressCall call, Map<String, String> headers) {
        PlatformCredentials.authorizationWithout(call.authorization())
                .ifPresent(value -> headers.put("Authorization", value));
        PlatformCredentials.cookiesWithout(call.cookies(), call.sessionCookie())
                .ifPresent(value -> headers.put("Cookie", value));
    }

    /**
     * Counts the request against the user's quota for the service, if any grant applies, and sets the
     * X-RateLimit-* headers; a refusal when the quota is used up (429, which nginx gets as a 403 naming it) or is 0.
     */
    private Optional<IngressAnswer> countQuota(String username, Set<String> groups, String service,
            Map<String, String> headers) {
        OptionalInt limit = userQuotas.perMinute(username, groups, service);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        if (limit.getAsInt() == 0) {
            return Optional.of(refuse(403, "permission_denied", "Your access to this service is blocked", headers));
        }
        QuotaUse use = quotas.take(username, service, limit.getAsInt(), Instant.now());
        headers.put("X-RateLimit-Limit", Integer.toString(use.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(use.remaining()));
        headers.put("X-RateLimit-Reset", Long.toString(use.reset().getEpochSecond()));
        headers.put("X-RateLimit-Used", Integer.toString(use.used()));
        headers.put("X-RateLimit-Resource", use.service());
        if (use.admitted()) {
            return Optional.empty();
        }
        headers.put("Retry-After", Long.toString(Math.max(1, Duration.between(Instant.now(), use.reset())
                .toSeconds())));
        headers.put(ERROR_STATUS, "429");
        // auth_request passes a 403 on; X-Error-Status tells nginx to answer 429
        return Optional.of(IngressAnswer.refuse(403, "rate_limited",
                "Rate limit of " + use.limit() + " requests per minute to this service exceeded", headers));
    }

    private Optional<String> delegatedService(VerifiedToken token) {
        if (token.type() != TokenType.INTERNAL || token.key() == null) {
            return Optional.empty();
        }
        return delegatedTo.get(token.key(), key -> store.find(key).map(Token::service));
    }

    private static IngressAnswer refuse(int status, String type, String message, Map<String, String> headers) {
        headers.put(ERROR_STATUS, Integer.toString(status));
        return IngressAnswer.refuse(status, type, message, headers);
    }
}
