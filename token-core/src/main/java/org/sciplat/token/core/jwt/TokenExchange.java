package org.sciplat.token.core.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * OAuth 2.0 Token Exchange (RFC 8693) of a token for a short-lived JWT that the services behind the platform verify
 * on their own against the JWKS, and the way back: whom such a JWT speaks for when it is presented here.
 *
 * <p>A JWT carries the identity and scopes of the token it was exchanged from ({@code upn}, {@code groups}, as
 * MicroProfile JWT reads them), at most those scopes, and never outlives that token.
 */
@ApplicationScoped
public class TokenExchange {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    /** The type of the token the JWT was exchanged from ({@code user}, {@code session}, ...). */
    public static final String TOKEN_TYPE_CLAIM = "token_type";
    /** The key of the token the JWT was exchanged from: what token-info shows for a JWT. */
    public static final String PARENT_CLAIM = "parent_token";
    /** The scopes again, space-separated, for resource servers that read OAuth's claim rather than groups. */
    public static final String SCOPE_CLAIM = "scope";

    private static final Logger LOG = Logger.getLogger(TokenExchange.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TokenVerifier verifier;

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "sciplat.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "sciplat.jwt.lifetime", defaultValue = "PT15M")
    Duration lifetime;

    @PostConstruct
    void check() {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("sciplat.jwt.lifetime must be positive, not " + lifetime);
        }
    }

    /** A JWT for the subject token of a valid request, or the OAuth error that says why not. */
    public IssuedJwt exchange(TokenExchangeRequest request) {
        if (request.grantType() == null) {
            throw TokenExchangeException.invalidRequest("grant_type is required");
        }
        if (!GRANT_TYPE.equals(request.grantType())) {
            throw TokenExchangeException.unsupportedGrantType("Only " + GRANT_TYPE + " is supported");
        }
        if (request.subjectToken() == null || request.subjectToken().isEmpty()) {
            throw TokenExchangeException.invalidRequest("subject_token is required");
        }
        if (request.subjectTokenType() == null) {
            throw TokenExchangeException.invalidRequest("subject_token_type is required");
        }
        if (!ACCESS_TOKEN_TYPE.equals(request.subjectTokenType())) {
            throw TokenExchangeException.invalidRequest("subject_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        if (request.requestedTokenType() != null && !JWT_TOKEN_TYPE.equals(request.requestedTokenType())) {
            throw TokenExchangeException.invalidRequest("requested_token_type must be " + JWT_TOKEN_TYPE);
        }
        VerifiedToken subject = subject(request.subjectToken());
        SortedSet<String> scopes = scopes(subject, request.scope());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String jti = randomId();
        JWTClaimsSet claims = claims(issuer, subject, scopes, now, lifetime, jti);
        IssuedJwt issued = new IssuedJwt(keys.sign(claims), now, claims.getExpirationTime().toInstant(), scopes);
        LOG.fine(() -> "Issued JWT " + jti + " for " + subject.username() + " from token " + subject.key()
                + " with " + scopes + " until " + issued.expires());
        return issued;
    }

    /**
     * Whom a JWT issued here speaks for, once the container has checked its signature and issuer: the token it was
     * exchanged from, as long as the JWT has not expired and that token is neither revoked nor expired, with the
     * JWT's scopes. So a JWT obtained with a token that is revoked meanwhile cannot be used here to create tokens.
     */
    public VerifiedToken callerOf(JsonWebToken jwt) {
        String parentKey = stringClaim(jwt, PARENT_CLAIM);
        if (parentKey == null || jwt.getName() == null) {
            throw new InvalidTokenException("Token is not valid");
        }
        // the container allows minutes of clock skew, but this server issued the JWT by its own clock
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (!expires.isAfter(Instant.now())) {
            throw new InvalidTokenException("Token is not valid");
        }
        VerifiedToken parent = verifier.verifyParent(parentKey);
        if (!parent.username().equals(jwt.getName())) {
            throw new InvalidTokenException("Token is not valid");
        }
        // the parent's scopes may have been narrowed by an administrator since the exchange
        SortedSet<String> scopes = new TreeSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        scopes.retainAll(parent.scopes());
        if (parent.expires() != null && parent.expires().isBefore(expires)) {
            expires = parent.expires();
        }
        return new VerifiedToken(parent.key(), parent.username(), parent.type(), scopes, expires, false);
    }

    /** The claims of a JWT for this subject: valid for the lifetime from now, but never past the subject's expiry. */
    static JWTClaimsSet claims(String issuer, VerifiedToken subject, SortedSet<String> scopes, Instant now,
            Duration lifetime, String jti) {
        Instant expires = now.plus(lifetime);
        if (subject.expires() != null && subject.expires().isBefore(expires)) {
            expires = subject.expires();
        }
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject.username())
                .claim("upn", subject.username())
                .claim("groups", new ArrayList<>(scopes))
                .claim(SCOPE_CLAIM, String.join(" ", scopes))
                .claim(TOKEN_TYPE_CLAIM, subject.type().wireName())
                .claim(PARENT_CLAIM, subject.key())
                .jwtID(jti)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
    }

    private VerifiedToken subject(String presented) {
        VerifiedToken subject;
        try {
            subject = verifier.verify(presented);
        } catch (InvalidTokenException e) {
            throw TokenExchangeException.invalidGrant("The subject token is invalid, expired or revoked");
        }
        if (subject.bootstrap()) {
            throw TokenExchangeException.invalidGrant("The bootstrap token cannot be exchanged");
        }
        return subject;
    }

    /** The subject's scopes, or the requested subset of them; a blank scope asks for no narrowing. */
    private static SortedSet<String> scopes(VerifiedToken subject, String scope) {
        if (scope == null || scope.isBlank()) {
            return new TreeSet<>(subject.scopes());
        }
        SortedSet<String> requested = new TreeSet<>(Arrays.asList(scope.trim().split(" +")));
        List<String> beyond = requested.stream().filter(s -> !subject.hasScope(s)).toList();
        if (!beyond.isEmpty()) {
            throw TokenExchangeException.invalidScope(
                    "Requested scopes the subject token does not have: " + String.join(" ", beyond));
        }
        return requested;
    }

    private static String stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String string ? string : null;
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
