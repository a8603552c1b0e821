package org.sciplat.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The test server's JWT signing key, read from its configuration directory as an operator could read it. */
public final class JwtSigningKey {

    public static final Path FILE = TestServer.SERVER_DIR.resolve("resources/security/jwt-signing-key.pem");

    private JwtSigningKey() {
    }

    public static RSAPrivateCrtKey privateKey() throws IOException, GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(FILE).replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    public static RSAPublicKey publicKey() throws IOException, GeneralSecurityException {
        RSAPrivateCrtKey key = privateKey();
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    /** The public key as {@code openssl pkey -in jwt-signing-key.pem -pubout} writes it. */
    public static String publicKeyPem() throws IOException, GeneralSecurityException {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
