package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.JwtSigningKey;
import org.sciplat.it.TestServer;

/** A gt- token exchanged for a JWT (RFC 8693), verified with the JWKS, and presented to the API in its place. */
class TokenExchangeIT {

    private static final String TOKENS = "/auth/api/v1/users/" + Astronomer.USERNAME + "/tokens";

    @Test
    void jwtCarriesTheTokensIdentityAndVerifiesWithThePublishedKeys() throws Exception {
        String token = Astronomer.userToken(null, "read:tap", "user:token");

        HttpResponse<String> response = Astronomer.exchange(Map.of("subject_token", token,
                "requested_token_type", "urn:ietf:params:oauth:token-type:jwt"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject body = Json.object(response.body());
        assertEquals("urn:ietf:params:oauth:token-type:jwt", body.getString("issued_token_type"));
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals("read:tap user:token", body.getString("scope"));
        assertEquals(900, body.getInt("expires_in"));

        HttpResponse<String> jwks = TestServer.get("/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode());
        assertEquals("application/json", jwks.headers().firstValue("Content-Type").orElse(""));
        assertTrue(jwks.headers().firstValue("Cache-Control").orElse("").matches("public, max-age=\\d{2,3}"));
        SignedJWT jwt = SignedJWT.parse(body.getString("access_token"));
        RSAKey key = (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the JWKS holds the key the JWT names");
        assertEquals(key.computeThumbprint().toString(), key.getKeyID());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature verifies with the published key");

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(TestServer.BASE_URL, claims.getIssuer());
        assertEquals(Astronomer.USERNAME, claims.getSubject());
        assertEquals(Astronomer.USERNAME, claims.getStringClaim("upn"));
        assertEquals(List.of("read:tap", "user:token"), claims.getStringListClaim("groups"));
        assertEquals("user", claims.getStringClaim("token_type"));
        assertEquals(token.substring(3, 25), claims.getStringClaim("parent_token"));
        assertNotNull(claims.getJWTID());
        assertEquals(Duration.ofMinutes(15),
                Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
    }

    @Test
    void jwtActsAsTheTokenItWasExchangedFromOnTheSameRoutes() {
        String token = Astronomer.userToken(null, "read:tap", "user:token");
        String jwt = Astronomer.jwt(token);

        HttpResponse<String> withToken = TestServer.get(TOKENS, "Authorization", "Bearer " + token);
        HttpResponse<String> withJwt = TestServer.get(TOKENS, "Authorization", "Bearer " + jwt);

        assertEquals(200, withToken.statusCode(), withToken.body());
        assertEquals(200, withJwt.statusCode(), withJwt.body());
        assertEquals(withToken.body(), withJwt.body());
        assertTrue(withToken.headers().allValues("WWW-Authenticate").isEmpty(),
                "the container leaves a gt- token alone: " + withToken.headers().map());

        HttpResponse<String> infoWithJwt = TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + jwt);
        assertEquals(200, infoWithJwt.statusCode(), infoWithJwt.body());
        JsonObject info = Json.object(infoWithJwt.body());
        assertEquals(token.substring(3, 25), info.getString("token"), "token-info shows the exchanged token");
        assertEquals("user", info.getString("token_type"));

        HttpResponse<String> ingress = TestServer.get("/auth/ingress/auth?scope=read:tap",
                "Authorization", "Bearer " + jwt);
        assertEquals(200, ingress.statusCode());
        assertEquals(Astronomer.USERNAME, ingress.headers().firstValue("X-Auth-Request-User").orElse(""));
        assertEquals("read:tap user:token", ingress.headers().firstValue("X-Auth-Request-Scopes").orElse(""));
    }

    @Test
    void narrowedJwtHasOnlyTheRequestedScopes() throws Exception {
        String token = Astronomer.userToken(null, "read:tap", "user:token");

        HttpResponse<String> response = Astronomer.exchange(Map.of("subject_token", token, "scope", "read:tap"));

        assertEquals(200, response.statusCode(), response.body());
        String jwt = Json.object(response.body()).getString("access_token");
        assertEquals("read:tap", Json.object(response.body()).getString("scope"));
        assertEquals(List.of("read:tap"), SignedJWT.parse(jwt).getJWTClaimsSet().getStringListClaim("groups"));
        HttpResponse<String> list = TestServer.get(TOKENS, "Authorization", "Bearer " + jwt);
        assertEquals(403, list.statusCode(), "listing tokens needs user:token, which the JWT no longer has");
        assertEquals(200, TestServer.get("/auth/ingress/auth?scope=read:tap", "Authorization", "Bearer " + jwt)
                .statusCode());
    }

    @Test
    void jwtNeverOutlivesTheTokenItCameFrom() throws Exception {
        Instant expires = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String token = Astronomer.userToken(expires, "read:tap");

        HttpResponse<String> response = Astronomer.exchange(Map.of("subject_token", token));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Json.object(response.body());
        assertEquals(expires, SignedJWT.parse(body.getString("access_token")).getJWTClaimsSet()
                .getExpirationTime().toInstant());
        assertTrue(body.getInt("expires_in") <= 600, body.toString());
    }

    @Test
    void refusalsAreOAuthErrors() {
        String token = Astronomer.userToken(null, "read:tap");

        assertOAuthError("invalid_scope", Map.of("subject_token", token, "scope", "read:tap user:token"));
        assertOAuthError("unsupported_grant_type", Map.of("subject_token", token, "grant_type", "password"));
        assertOAuthError("invalid_request", Map.of("subject_token", token, "grant_type", ""));
        assertOAuthError("invalid_request", Map.of());
        assertOAuthError("invalid_request", Map.of("subject_token", token,
                "subject_token_type", "urn:ietf:params:oauth:token-type:jwt"));
        assertOAuthError("invalid_request", Map.of("subject_token", token,
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token"));
        assertOAuthError("invalid_grant", Map.of("subject_token", "gt-" + "A".repeat(22) + "." + "B".repeat(22)));
        assertOAuthError("invalid_grant", Map.of("subject_token", "not a token"));
        assertOAuthError("invalid_grant", Map.of("subject_token", System.getProperty("it.bootstrap.token")));

        HttpResponse<String> repeated = Astronomer.postForm("/auth/api/v1/token-exchange",
                "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=" + token
                        + "&subject_token_type=urn:ietf:params:oauth:token-type:access_token&scope=read:tap&scope=x");
        assertEquals(400, repeated.statusCode());
        assertEquals("invalid_request", Json.object(repeated.body()).getString("error"));
    }

    @Test
    void revokingTheTokenEndsItsJwtsHereAndItsExchanges() {
        String token = Astronomer.userToken(null, "read:tap", "user:token");
        String jwt = Astronomer.jwt(token);
        assertEquals(200, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + jwt).statusCode());

        HttpResponse<String> revoked = TestServer.send(HttpRequest.newBuilder(
                        URI.create(TestServer.BASE_URL + TOKENS + "/" + token.substring(3, 25)))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
        assertEquals(204, revoked.statusCode(), revoked.body());

        assertEquals(401, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + jwt).statusCode());
        assertEquals(401, TestServer.get(TOKENS, "Authorization", "Bearer " + jwt).statusCode());
        assertOAuthError("invalid_grant", Map.of("subject_token", token));
    }

    @Test
    void jwtSignedWithTheServersKeyAndValidClaimsIsAccepted() throws Exception {
        String token = Astronomer.userToken(null, "read:tap");

        String forged = sign(serverKey(), claims(token, c -> c));

        assertEquals(200, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + forged)
                .statusCode(), "the control case for the refusals below");
    }

    @Test
    void jwtWithABadSignatureIsRefused() throws Exception {
        String token = Astronomer.userToken(null, "read:tap");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(serverKey().getKeyID()).generate();

        assertRefused(sign(stranger, claims(token, c -> c)));
        String valid = Astronomer.jwt(token);
        int signature = valid.lastIndexOf('.') + 1;
        char altered = valid.charAt(signature) == 'A' ? 'B' : 'A';
        assertRefused(valid.substring(0, signature) + altered + valid.substring(signature + 1));
    }

    @Test
    void jwtFromAnotherIssuerIsRefused() throws Exception {
        String token = Astronomer.userToken(null, "read:tap");

        assertRefused(sign(serverKey(), claims(token, c -> c.issuer("https://elsewhere.example"))));
    }

    @Test
    void expiredJwtIsRefused() throws Exception {
        String token = Astronomer.userToken(null, "read:tap");
        Instant now = Instant.now();

        assertRefused(sign(serverKey(), claims(token, c -> c
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))))));
        // within the container's five minutes of clock skew: token-core itself refuses it
        assertRefused(sign(serverKey(), claims(token, c -> c
                .issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(now.minus(Duration.ofSeconds(5)))))));
    }

    private static void assertRefused(String jwt) {
        for (String path : List.of("/auth/api/v1/token-info", TOKENS)) {
            HttpResponse<String> response = TestServer.get(path, "Authorization", "Bearer " + jwt);
            assertEquals(401, response.statusCode(), path + ": " + response.body());
            assertEquals("invalid_token", Json.object(response.body()).getJsonArray("detail").getJsonObject(0)
                    .getString("type"));
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        }
    }

    private static void assertOAuthError(String error, Map<String, String> overrides) {
        HttpResponse<String> response = Astronomer.exchange(overrides);
        assertEquals(400, response.statusCode(), overrides + ": " + response.body());
        JsonObject body = Json.object(response.body());
        assertEquals(error, body.getString("error"), overrides + ": " + body);
        assertFalse(body.getString("error_description").isBlank());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    /** The claims the exchange would give a JWT for this token, adjusted. */
    private static JWTClaimsSet claims(String token, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        return adjust.apply(new JWTClaimsSet.Builder()
                .issuer(TestServer.BASE_URL)
                .subject(Astronomer.USERNAME)
                .claim("upn", Astronomer.USERNAME)
                .claim("groups", List.of("read:tap"))
                .claim("token_type", "user")
                .claim("parent_token", token.substring(3, 25))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey serverKey() throws Exception {
        return new RSAKey.Builder(JwtSigningKey.publicKey()).privateKey(JwtSigningKey.privateKey())
                .keyIDFromThumbprint().build();
    }
}
