package org.sciplat.token.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.auth.AuthenticationResult.Authenticated;
import org.sciplat.token.core.auth.AuthenticationResult.InsufficientScope;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Missing;
import org.sciplat.token.core.auth.AuthenticationResult.Unavailable;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.jwt.TokenExchange;
import org.sciplat.token.core.token.TokenCredential;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * Every way a client presents (or fumbles) a credential, against tokens held in memory by a verifier that parses
 * them with the real {@link TokenCredential} and refuses them as token-core's does.
 */
class AuthenticatorTest {

    private static final Requirement READ_TAP = Requirement.scope("read:tap");

    private final InMemoryTokens tokens = new InMemoryTokens();
    private final List<String> counted = new ArrayList<>();
    private Authenticator authenticator;
    private String valid;

    @BeforeEach
    void authenticator() {
        authenticator = new Authenticator();
        authenticator.verifier = tokens;
        authenticator.exchange = new TokenExchange() {
            @Override
            public VerifiedToken callerOf(JsonWebToken jwt) {
                return tokens.verifyParent(jwt.getName());
            }
        };
        authenticator.authentications = new Authentications() {
            @Override
            public void record(Where where, Result result) {
                counted.add(where.tag() + " " + result);
            }
        };
        valid = tokens.issue(null, "read:tap", "user:token");
    }

    @Test
    void noCredentialIsMissingAndCountedOnlyWhereACallerIsRequired() {
        assertInstanceOf(Missing.class, tap(READ_TAP));
        assertInstanceOf(Missing.class, tap(READ_TAP, " "));
        assertEquals(List.of("tap MISSING", "tap MISSING"), counted);

        assertInstanceOf(Missing.class, tap(Requirement.NONE));
        assertEquals(2, counted.size(), "a request that may pass without credentials is no refusal yet");

        authenticator.countMissing(Where.API);
        assertEquals("api MISSING", counted.get(2));
    }

    @Test
    void theTokenWorksAsBearerAndInEitherHalfOfBasic() {
        for (String authorization : List.of(bearer(valid), "bearer  " + valid, basic("x-oauth-basic", valid),
                basic(valid, "x-oauth-basic"), basic(valid, ""), basic("anyone", valid), basic(valid, valid),
                "Basic " + Base64.getEncoder().encodeToString(valid.getBytes(StandardCharsets.UTF_8)))) {
            Authenticated caller = assertInstanceOf(Authenticated.class, tap(READ_TAP, authorization), authorization);
            assertEquals("astronomer", caller.token().username());
            assertEquals(valid, caller.presented());
            assertFalse(caller.fromSessionCookie());
        }
        assertEquals(Collections.nCopies(8, "tap SUCCESS"), counted);
    }

    @Test
    void malformedCredentialsAreInvalid() {
        assertInvalid("Token is malformed", bearer("gt-not-a-token"));
        assertInvalid("Token is malformed", "Bearer");
        assertInvalid("Token is malformed", basic("x-oauth-basic", "not-a-token"));
        assertInvalid("Unknown Authorization scheme", "Digest realm=x");
        assertInvalid("Malformed Basic credentials", "Basic %%%");
        assertEquals(Collections.nCopies(5, "tap INVALID_TOKEN"), counted);
    }

    @Test
    void twoAuthorizationHeadersAreRefusedEvenWhenBothHoldTheSameGoodToken() {
        assertInvalid("More than one Authorization header", bearer(valid), bearer(valid));
        assertInvalid("More than one Authorization header", bearer(valid), basic("x-oauth-basic", valid));
    }

    @Test
    void basicWithTwoDifferentTokensIsRefusedWhicheverHalfIsRight() {
        String wrong = wrongSecret(valid);

        assertInvalid("Basic credentials hold two different tokens", basic(valid, wrong));
        assertInvalid("Basic credentials hold two different tokens", basic(wrong, valid));
        assertInvalid("Basic credentials hold two different tokens", basic(valid, tokens.issue(null, "read:tap")));
    }

    @Test
    void basicWithoutATokenOrXOauthBasicIsRefused() {
        assertInvalid("Basic credentials hold no token", basic("astronomer", "astronomer-demo"));
        assertInvalid("Basic credentials hold no token", basic("astronomer", ""));
    }

    @Test
    void aWrongSecretARevokedAndAnExpiredTokenAreInvalid() {
        String revoked = tokens.issue(null, "read:tap");
        tokens.revoke(revoked);
        String expired = tokens.issue(Instant.now().minus(Duration.ofSeconds(1)), "read:tap");

        assertInvalid("Token is not valid", bearer(wrongSecret(valid)));
        assertInvalid("Token is not valid", basic("x-oauth-basic", revoked));
        assertInvalid("Token is not valid", bearer(expired));
        assertInstanceOf(Authenticated.class, tap(READ_TAP, bearer(tokens.issue(Instant.now().plusSeconds(60),
                "read:tap"))), "valid until its expiry");
    }

    @Test
    void aTokenWithoutTheRequiredScopeIsInsufficientNamingTheRequiredScopes() {
        String image = tokens.issue(null, "read:image");

        InsufficientScope refused = assertInstanceOf(InsufficientScope.class, tap(READ_TAP, bearer(image)));
        assertEquals(new TreeSet<>(Set.of("read:tap")), refused.scopes());
        assertEquals(List.of("tap INSUFFICIENT_SCOPE"), counted);

        InsufficientScope both = assertInstanceOf(InsufficientScope.class,
                tap(Requirement.allOf(List.of("read:tap", "read:image")), bearer(valid)));
        assertEquals(List.of("read:image", "read:tap"), List.copyOf(both.scopes()));
        assertInstanceOf(Authenticated.class, tap(Requirement.anyOf(List.of("read:image", "read:tap")),
                bearer(valid)));
        assertInstanceOf(Authenticated.class, tap(Requirement.NONE, bearer(image)));
    }

    @Test
    void aDatabaseThatDoesNotAnswerMakesVerificationUnavailable() {
        tokens.databaseDown = true;

        assertInstanceOf(Unavailable.class, tap(READ_TAP, bearer(valid)));
        assertInstanceOf(Unavailable.class, authenticator.authenticate(Where.API,
                credentials().withSessionCookie(Optional.of(valid)), Requirement.NONE));
        assertEquals(List.of("tap UNAVAILABLE", "api UNAVAILABLE"), counted);
        assertInvalid("Token is malformed", bearer("gt-not-a-token"));
    }

    @Test
    void aValidSessionCookieIsTheCallerAndAStaleOneIsIgnored() {
        String session = tokens.issue(null, "read:tap", "user:token");

        Authenticated byCookie = assertInstanceOf(Authenticated.class, api(Optional.of(session),
                bearer(valid), bearer(valid)));
        assertTrue(byCookie.fromSessionCookie());
        assertEquals(session, byCookie.presented());

        tokens.revoke(session);
        Authenticated byHeader = assertInstanceOf(Authenticated.class, api(Optional.of(session), bearer(valid)));
        assertFalse(byHeader.fromSessionCookie());
        assertInstanceOf(Missing.class, api(Optional.of(session)));
        assertEquals(List.of("api SUCCESS", "api SUCCESS"), counted);
    }

    @Test
    void aBearerJwtIsWhatTheContainerVerifiedAndNothingWhereNoContainerVerifiesIt() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhc3Ryb25vbWVyIn0.c2lnbmF0dXJl";
        String parentKey = valid.substring(3, 25);
        List<String> asked = new ArrayList<>();
        Supplier<Optional<JsonWebToken>> container = () -> {
            asked.add(jwt);
            return Optional.of(jwtFor(parentKey));
        };

        Authenticated caller = assertInstanceOf(Authenticated.class, authenticator.authenticate(Where.INGRESS,
                credentials(bearer(jwt)).withContainerJwt(container), READ_TAP));
        assertEquals(parentKey, caller.token().key());
        assertEquals(1, asked.size());

        assertInvalid("Token is not valid", bearer(jwt));
        assertInstanceOf(Invalid.class, authenticator.authenticate(Where.INGRESS,
                credentials(bearer(jwt)).withContainerJwt(Optional::empty), READ_TAP), "the container refused it");
        assertInstanceOf(Invalid.class, authenticator.authenticate(Where.INGRESS,
                credentials(basic("x-oauth-basic", jwt)).withContainerJwt(container), READ_TAP));
        assertEquals(1, asked.size(), "only a Bearer JWT goes to the container");
    }

    @Test
    void neitherTheCredentialsNorTheCallerShowTheSecretWhenPrinted() {
        String secret = valid.substring(26);
        Authenticated caller = assertInstanceOf(Authenticated.class, tap(READ_TAP, bearer(valid)));

        assertFalse(caller.toString().contains(secret), caller.toString());
        assertFalse(credentials(bearer(valid)).withSessionCookie(Optional.of(valid)).toString().contains(secret));
    }

    @Test
    void aRequirementNamesAtLeastOneScope() {
        assertThrows(IllegalArgumentException.class, () -> Requirement.allOf(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Requirement.anyOf(List.of()));
    }

    private AuthenticationResult tap(Requirement required, String... authorization) {
        return authenticator.authenticate(Where.bearer("tap"), credentials(authorization), required);
    }

    private AuthenticationResult api(Optional<String> cookie, String... authorization) {
        return authenticator.authenticate(Where.API, credentials(authorization).withSessionCookie(cookie),
                Requirement.NONE);
    }

    private void assertInvalid(String reason, String... authorization) {
        Invalid invalid = assertInstanceOf(Invalid.class, tap(READ_TAP, authorization), List.of(authorization)
                .toString());
        assertEquals(reason, invalid.reason());
    }

    private static Credentials credentials(String... authorization) {
        return Credentials.authorization(Collections.enumeration(List.of(authorization)));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String wrongSecret(String token) {
        return token.substring(0, 26) + "A".repeat(22);
    }

    private static JsonWebToken jwtFor(String parentKey) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return parentKey;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of();
            }

            @Override
            public <T> T getClaim(String claimName) {
                return null;
            }
        };
    }

    /**
     * astronomer's tokens, kept in memory: parsed by the real {@link TokenCredential}, refused when unknown, revoked,
     * expired or with the wrong secret, and failing as a container does when the database is down.
     */
    private static final class InMemoryTokens extends TokenVerifier {

        private final Map<String, String> presentedByKey = new HashMap<>();
        private final Map<String, VerifiedToken> byKey = new HashMap<>();
        boolean databaseDown;

        String issue(Instant expires, String... scopes) {
            TokenCredential credential = TokenCredential.generate();
            presentedByKey.put(credential.key(), credential.reveal());
            byKey.put(credential.key(), new VerifiedToken(credential.key(), "astronomer", TokenType.USER,
                    new TreeSet<>(List.of(scopes)), expires, false));
            return credential.reveal();
        }

        void revoke(String token) {
            byKey.remove(TokenCredential.parse(token).key());
        }

        @Override
        public VerifiedToken verify(String presented) {
            TokenCredential credential = TokenCredential.parse(presented);
            if (!presented.equals(presentedByKey.get(credential.key()))) {
                throw new InvalidTokenException("Token is not valid");
            }
            return verifyParent(credential.key());
        }

        @Override
        public VerifiedToken verifyParent(String key) {
            if (databaseDown) {
                throw new EJBException(new PersistenceException("Connection refused"));
            }
            VerifiedToken token = byKey.get(key);
            if (token == null || token.expires() != null && !token.expires().isAfter(Instant.now())) {
                throw new InvalidTokenException("Token is not valid");
            }
            return token;
        }
    }
}
