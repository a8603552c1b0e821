package org.sciplat.token.core.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.FederatedLoginException;

/** An ID token is accepted only as the provider issued it for this client and this login. */
class IdTokenCheckTest {

    private static final String ISSUER = "https://idp.example.org/realms/sciplat";
    private static final String CLIENT = "sciplat-tokens";
    private static final String NONCE = "n-0S6_WzA2Mj";

    private static RSAKey providerKey;
    private static RSAKey otherKey;
    private static IdTokenCheck check;

    @BeforeAll
    static void provider() throws JOSEException {
        providerKey = new RSAKeyGenerator(2048).keyID("provider-1").generate();
        // the same key id as the provider's: a forger naming the provider's key
        otherKey = new RSAKeyGenerator(2048).keyID("provider-1").generate();
        check = new IdTokenCheck(ISSUER, CLIENT, new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())));
    }

    @Test
    void aTokenOfTheProviderForThisClientAndLoginIsAccepted() throws JOSEException {
        JWTClaimsSet claims = check.claims(signed(providerKey, valid().build()), NONCE);
        assertEquals("astronomer", claims.getClaim("preferred_username"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        assertRefused(signed(otherKey, valid().build()));
    }

    @Test
    void aTokenWhosePayloadWasChangedIsRefused() throws JOSEException {
        String[] parts = signed(providerKey, valid().build()).split("\\.");
        String changed = com.nimbusds.jose.util.Base64URL.encode(valid().claim("preferred_username", "admin").build()
                .toString()).toString();
        assertRefused(parts[0] + "." + changed + "." + parts[2]);
    }

    @Test
    void aTokenForAnotherClientIsRefused() throws JOSEException {
        assertRefused(signed(providerKey, valid().audience(List.of("another-client")).build()));
    }

    @Test
    void anExpiredTokenIsRefused() throws JOSEException {
        assertRefused(signed(providerKey, valid().expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build()));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws JOSEException {
        assertRefused(signed(providerKey, valid().issuer("https://evil.example.org").build()));
    }

    @Test
    void aTokenOfAnotherLoginIsRefused() throws JOSEException {
        assertRefused(signed(providerKey, valid().claim("nonce", "another-login").build()));
    }

    @Test
    void anUnsignedOrMacSignedTokenIsRefused() throws JOSEException {
        assertRefused(new PlainJWT(valid().build()).serialize());
        SignedJWT mac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid().build());
        mac.sign(new MACSigner(new byte[32]));
        assertRefused(mac.serialize());
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not.a.token");
    }

    private static void assertRefused(String idToken) {
        assertThrows(FederatedLoginException.class, () -> check.claims(idToken, NONCE));
    }

    private static JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("f1d2a3")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", NONCE).claim("preferred_username", "astronomer");
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
