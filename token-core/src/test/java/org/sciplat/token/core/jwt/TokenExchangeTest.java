package org.sciplat.token.core.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

class TokenExchangeTest {

    private static final String TOKEN = "gt-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    @TempDir
    static Path dir;

    private static SigningKeys keys;

    private VerifiedToken subject;
    private TokenExchange exchange;

    @BeforeAll
    static void signingKey() {
        keys = SigningKeysTest.keys(dir.resolve("key.pem"));
        keys.load();
    }

    @BeforeEach
    void exchange() {
        subject = token(TokenType.USER, null, "read:tap", "user:token");
        exchange = new TokenExchange();
        exchange.keys = keys;
        exchange.issuer = "https://platform.example";
        exchange.lifetime = LIFETIME;
        exchange.verifier = new TokenVerifier() {
            @Override
            public VerifiedToken verify(String presented) {
                if (!TOKEN.equals(presented)) {
                    throw new InvalidTokenException("Token is not valid");
                }
                return subject;
            }

            @Override
            public VerifiedToken verifyParent(String key) {
                if (subject == null || !subject.key().equals(key)) {
                    throw new InvalidTokenException("Token is not valid");
                }
                return subject;
            }
        };
    }

    @Test
    void claimsCarryTheTokensIdentityScopesAndOrigin() throws Exception {
        JWTClaimsSet claims = TokenExchange.claims("https://platform.example", subject, scopes("read:tap"), NOW,
                LIFETIME, "jti-1");

        assertEquals("https://platform.example", claims.getIssuer());
        assertEquals("astronomer", claims.getSubject());
        assertEquals("astronomer", claims.getStringClaim("upn"));
        assertEquals(List.of("read:tap"), claims.getStringListClaim("groups"));
        assertEquals("read:tap", claims.getStringClaim("scope"));
        assertEquals("user", claims.getStringClaim("token_type"));
        assertEquals("AAAAAAAAAAAAAAAAAAAAAA", claims.getStringClaim("parent_token"));
        assertEquals("jti-1", claims.getJWTID());
        assertEquals(Date.from(NOW), claims.getIssueTime());
        assertEquals(Date.from(NOW.plus(LIFETIME)), claims.getExpirationTime());
        assertTrue(claims.getAudience().isEmpty(), "no audience: any service behind the platform may accept it");
    }

    @Test
    void lifetimeIsCappedByTheTokensExpiry() {
        Instant soon = NOW.plus(Duration.ofMinutes(4));
        VerifiedToken expiring = token(TokenType.USER, soon, "read:tap");

        JWTClaimsSet claims = TokenExchange.claims("iss", expiring, scopes("read:tap"), NOW, LIFETIME, "j");

        assertEquals(Date.from(soon), claims.getExpirationTime());
    }

    @Test
    void tokenExpiringAfterTheLifetimeDoesNotExtendIt() {
        VerifiedToken later = token(TokenType.SESSION, NOW.plus(Duration.ofDays(30)), "read:tap");

        JWTClaimsSet claims = TokenExchange.claims("iss", later, scopes("read:tap"), NOW, LIFETIME, "j");

        assertEquals(Date.from(NOW.plus(LIFETIME)), claims.getExpirationTime());
        assertEquals("session", claims.getClaim("token_type"));
    }

    @Test
    void exchangeSignsAJwtWithAllTheTokensScopes() throws Exception {
        IssuedJwt issued = exchange.exchange(request(Map.of()));

        SignedJWT jwt = SignedJWT.parse(issued.token());
        RSAKey key = (RSAKey) JWKSet.parse(keys.jwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertEquals(List.of("read:tap", "user:token"), jwt.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals("read:tap user:token", issued.scope());
        assertEquals(LIFETIME.toSeconds(), issued.expiresIn());
        assertEquals(issued.expires(), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        assertTrue(Duration.between(issued.issuedAt(), Instant.now()).abs().toSeconds() < 60);
    }

    @Test
    void expiresInCountsToTheTokensExpiryWhenThatComesFirst() {
        subject = token(TokenType.USER, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(300), "read:tap");

        IssuedJwt issued = exchange.exchange(request(Map.of()));

        assertEquals(subject.expires(), issued.expires());
        assertTrue(issued.expiresIn() <= 300 && issued.expiresIn() > 240, "expires_in " + issued.expiresIn());
    }

    @Test
    void eachJwtHasItsOwnId() throws Exception {
        String first = SignedJWT.parse(exchange.exchange(request(Map.of())).token()).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(exchange.exchange(request(Map.of())).token()).getJWTClaimsSet().getJWTID();

        assertNotEquals(first, second);
        assertTrue(first.length() >= 22, first);
    }

    @Test
    void scopeNarrowsToTheRequestedSubset() {
        IssuedJwt issued = exchange.exchange(request(Map.of("scope", "read:tap")));

        assertEquals(scopes("read:tap"), issued.scopes());
    }

    @Test
    void blankScopeAsksForNoNarrowing() {
        assertEquals(subject.scopes(), exchange.exchange(request(Map.of("scope", "  "))).scopes());
    }

    @Test
    void scopeBeyondTheTokensIsInvalidScope() {
        assertError("invalid_scope", Map.of("scope", "read:tap admin:token"));
    }

    @Test
    void otherGrantTypeIsUnsupported() {
        assertError("unsupported_grant_type", Map.of("grant_type", "password"));
    }

    @Test
    void missingOrUnsupportedParametersAreInvalidRequests() {
        assertError("invalid_request", Map.of("grant_type", ""));
        assertError("invalid_request", Map.of("subject_token", ""));
        assertError("invalid_request", Map.of("subject_token_type", ""));
        assertError("invalid_request", Map.of("subject_token_type", TokenExchange.JWT_TOKEN_TYPE));
        assertError("invalid_request", Map.of("requested_token_type", TokenExchange.ACCESS_TOKEN_TYPE));
    }

    @Test
    void invalidSubjectTokenIsInvalidGrant() {
        assertError("invalid_grant", Map.of("subject_token", "gt-CCCCCCCCCCCCCCCCCCCCCC.DDDDDDDDDDDDDDDDDDDDDD"));
    }

    @Test
    void bootstrapTokenCannotBeExchanged() {
        subject = new VerifiedToken(null, VerifiedToken.BOOTSTRAP_ACTOR, TokenType.SERVICE, scopes("admin:token"),
                null, true);

        assertError("invalid_grant", Map.of());
    }

    @Test
    void repeatedParameterIsAnInvalidRequest() {
        TokenExchangeException e = assertThrows(TokenExchangeException.class, () -> TokenExchangeRequest.fromForm(
                Map.of("scope", List.of("read:tap", "user:token"))));

        assertEquals("invalid_request", e.type());
    }

    @Test
    void requestAndResultNeverPrintTheirCredentials() {
        IssuedJwt issued = exchange.exchange(request(Map.of()));

        assertFalse(request(Map.of()).toString().contains(TOKEN));
        assertFalse(issued.toString().contains(issued.token()));
    }

    @Test
    void jwtSpeaksForItsLiveParentWithTheJwtsScopes() throws Exception {
        VerifiedToken caller = exchange.callerOf(jwt(exchange.exchange(request(Map.of("scope", "read:tap")))));

        assertEquals(subject.key(), caller.key(), "token-info then shows the parent token");
        assertEquals("astronomer", caller.username());
        assertEquals(TokenType.USER, caller.type());
        assertEquals(scopes("read:tap"), caller.scopes());
        assertFalse(caller.bootstrap());
    }

    @Test
    void jwtLosesScopesItsParentHasLostSince() throws Exception {
        JsonWebToken jwt = jwt(exchange.exchange(request(Map.of())));
        subject = token(TokenType.USER, null, "read:tap");

        assertEquals(scopes("read:tap"), exchange.callerOf(jwt).scopes());
    }

    @Test
    void jwtOfARevokedParentIsRefused() throws Exception {
        JsonWebToken jwt = jwt(exchange.exchange(request(Map.of())));
        subject = null;

        assertThrows(InvalidTokenException.class, () -> exchange.callerOf(jwt));
    }

    @Test
    void expiredJwtIsRefusedWithoutTheContainersClockSkew() throws Exception {
        JWTClaimsSet expired = TokenExchange.claims("iss", subject, scopes("read:tap"),
                Instant.now().minus(LIFETIME).minusSeconds(1), LIFETIME, "j");

        assertThrows(InvalidTokenException.class, () -> exchange.callerOf(jwt(expired)));
    }

    @Test
    void jwtWithoutAParentIsRefused() throws Exception {
        JWTClaimsSet foreign = new JWTClaimsSet.Builder(TokenExchange.claims("iss", subject, scopes("read:tap"),
                Instant.now(), LIFETIME, "j")).claim("parent_token", null).build();

        assertThrows(InvalidTokenException.class, () -> exchange.callerOf(jwt(foreign)));
    }

    private static JsonWebToken jwt(IssuedJwt issued) throws Exception {
        return jwt(SignedJWT.parse(issued.token()).getJWTClaimsSet());
    }

    /** The claims as MicroProfile JWT presents them once the container has verified the signature. */
    private static JsonWebToken jwt(JWTClaimsSet claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.getClaim("upn");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.getClaims().keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                Object value = claims.getClaim(name);
                if (value instanceof Date date) {
                    return (T) Long.valueOf(date.toInstant().getEpochSecond());
                }
                return (T) (value instanceof List<?> list ? Set.copyOf(list) : value);
            }
        };
    }

    private void assertError(String error, Map<String, String> overrides) {
        TokenExchangeException e = assertThrows(TokenExchangeException.class,
                () -> exchange.exchange(request(overrides)));
        assertEquals(error, e.type(), e.getMessage());
    }

    /** A valid request for TOKEN, with some parameters replaced; an empty value leaves the parameter out. */
    private static TokenExchangeRequest request(Map<String, String> overrides) {
        Map<String, String> form = new HashMap<>(Map.of(
                "grant_type", TokenExchange.GRANT_TYPE,
                "subject_token", TOKEN,
                "subject_token_type", TokenExchange.ACCESS_TOKEN_TYPE,
                "requested_token_type", TokenExchange.JWT_TOKEN_TYPE));
        form.putAll(overrides);
        form.values().removeIf(String::isEmpty);
        return new TokenExchangeRequest(form.get("grant_type"), form.get("subject_token"),
                form.get("subject_token_type"), form.get("requested_token_type"), form.get("scope"));
    }

    private static VerifiedToken token(TokenType type, Instant expires, String... scopes) {
        return new VerifiedToken("AAAAAAAAAAAAAAAAAAAAAA", "astronomer", type, scopes(scopes), expires, false);
    }

    private static SortedSet<String> scopes(String... scopes) {
        return new TreeSet<>(Set.of(scopes));
    }
}
