package org.sciplat.token.core.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesAMissingKeyReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("security/jwt-signing-key.pem");

        keys(file).load();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String pem = Files.readString(file);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem.substring(0, 40));
        assertEquals(2048, PemKeys.readPrivate(file).getModulus().bitLength());
        assertEquals(List.of("jwt-signing-key.pem"), List.of(file.getParent().toFile().list()),
                "no temporary file left beside it");
    }

    @Test
    void jwksHoldsThePublicKeyOnlyNamedByItsThumbprint() throws Exception {
        Path file = dir.resolve("key.pem");
        SigningKeys keys = keys(file);
        keys.load();

        JWKSet jwks = JWKSet.parse(keys.jwks());

        assertEquals(1, jwks.size());
        RSAKey key = (RSAKey) jwks.getKeys().get(0);
        assertFalse(key.isPrivate());
        assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
        assertEquals(key.computeThumbprint().toString(), key.getKeyID(), "RFC 7638 thumbprint");
        Map<String, Object> json = JSONObjectUtils.parse(keys.jwks());
        assertEquals(Set.of("keys"), json.keySet());
        assertEquals(Set.of("kty", "n", "e", "use", "alg", "kid"),
                JSONObjectUtils.getJSONObjectArray(json, "keys")[0].keySet(), "public members only");
    }

    @Test
    void keyIdStaysTheSameAcrossRestarts() throws Exception {
        Path file = dir.resolve("key.pem");
        SigningKeys first = keys(file);
        first.load();
        SigningKeys second = keys(file);
        second.load();

        assertEquals(first.jwks(), second.jwks());
    }

    @Test
    void signsWhatTheJwksVerifies() throws Exception {
        SigningKeys keys = keys(dir.resolve("key.pem"));
        keys.load();

        SignedJWT jwt = SignedJWT.parse(keys.sign(new JWTClaimsSet.Builder().subject("astronomer").build()));

        RSAKey key = (RSAKey) JWKSet.parse(keys.jwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertEquals("JWT", jwt.getHeader().getType().getType());
    }

    @Test
    void previousKeysArePublishedAfterTheCurrentOne() throws Exception {
        Path oldPrivate = dir.resolve("old-private.pem");
        Path olderPublic = dir.resolve("older-public.pem");
        PemKeys.generate(oldPrivate);
        RSAPrivateCrtKey older = PemKeys.generate(dir.resolve("older-private.pem"));
        Files.writeString(olderPublic, PemKeys.pem("PUBLIC KEY", PemKeys.publicOf(older).getEncoded()));
        SigningKeys keys = keys(dir.resolve("current.pem"),
                oldPrivate.toString(), " " + olderPublic + " ", dir.resolve("current.pem").toString());
        keys.load();

        List<JWK> published = JWKSet.parse(keys.jwks()).getKeys();

        assertEquals(3, published.size(), "the current key is listed once, though also named as a previous one");
        assertEquals(SigningKeys.jwk(PemKeys.readPublic(dir.resolve("current.pem"))).build().getKeyID(),
                published.get(0).getKeyID());
        assertEquals(SigningKeys.jwk(PemKeys.readPublic(oldPrivate)).build().getKeyID(), published.get(1).getKeyID());
        assertEquals(SigningKeys.jwk(PemKeys.publicOf(older)).build().getKeyID(), published.get(2).getKeyID());
        assertTrue(published.stream().noneMatch(JWK::isPrivate));
    }

    @Test
    void unusableKeyFileStopsTheStartWithTheReasonButNotTheKey() throws Exception {
        Path file = dir.resolve("key.pem");
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
                + "-----END RSA PRIVATE KEY-----\n";
        Files.writeString(file, pkcs1);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> keys(file).load());

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("openssl pkcs8"),
                e.getMessage());
        assertFalse(e.getMessage().contains("MIIB"), e.getMessage());
    }

    @Test
    void refusesAKeyShorterThan2048Bits() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Path file = dir.resolve("short.pem");
        Files.writeString(file, PemKeys.pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> keys(file).load());

        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    static SigningKeys keys(Path signingKey, String... previous) {
        SigningKeys keys = new SigningKeys();
        keys.signingKeyFile = signingKey.toString();
        keys.previousKeyFiles = previous.length == 0 ? Optional.empty() : Optional.of(List.of(previous));
        return keys;
    }
}
