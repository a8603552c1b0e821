package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Astronomer;
import org.sciplat.it.JwtSigningKey;
import org.sciplat.it.TestServer;

/**
 * An operator rotates the JWT signing key as the README says: keeps the old public key, lists it in
 * sciplat.jwt.previous-keys, replaces the key (here: deletes it, so the server generates one) and restarts. JWTs
 * signed before keep working until they expire; new ones are signed with the new key.
 */
class JwtKeyRotationIT {

    private static final Path SERVER_ENV = TestServer.SERVER_DIR.resolve("server.env");

    @Test
    void jwtsSignedBeforeARotationKeepVerifying() throws Exception {
        String token = Astronomer.userToken(null, "read:tap", "user:token");
        String before = Astronomer.jwt(token);
        Path key = JwtSigningKey.FILE;
        Path previous = key.resolveSibling("jwt-signing-key-" + System.currentTimeMillis() + ".pub.pem");
        String environment = Files.exists(SERVER_ENV) ? Files.readString(SERVER_ENV) : "";

        TestServer.stop();
        try {
            Files.writeString(previous, JwtSigningKey.publicKeyPem());
            Files.delete(key);
            Files.writeString(SERVER_ENV, environment + "\nSCIPLAT_JWT_PREVIOUS_KEYS=" + previous + "\n");
        } finally {
            TestServer.start();
            // read at start only: the next start (and the next build) gets the configuration it had
            Files.writeString(SERVER_ENV, environment);
        }

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String after = Astronomer.jwt(token);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertNotEquals(oldKid, newKid);
        List<String> published = JWKSet.parse(TestServer.get("/.well-known/jwks.json").body()).getKeys().stream()
                .map(JWK::getKeyID)
                .toList();
        assertEquals(List.of(newKid, oldKid), published);
        assertEquals(200, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + before).statusCode(),
                "a JWT signed with the previous key");
        assertEquals(200, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + after).statusCode());
    }
}
