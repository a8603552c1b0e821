package org.sciplat.token.core.jwt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys in the PEM files openssl writes: a private key as PKCS #8 ({@code BEGIN PRIVATE KEY}), a public key as
 * X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}). Plain JDK, so no provider such as Bouncy Castle is needed.
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final int KEY_SIZE = 2048;

    private PemKeys() {
    }

    static RSAPrivateCrtKey readPrivate(Path file) {
        Pem pem = read(file);
        if (!PRIVATE.equals(pem.label())) {
            throw unreadable(file, "expected an unencrypted PKCS #8 \"" + PRIVATE + "\", found \"" + pem.label()
                    + "\" (convert it with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem)");
        }
        return privateKey(file, pem.der());
    }

    /** The public half of either kind of file, so a rotated-out private key can be listed as it is. */
    static RSAPublicKey readPublic(Path file) {
        Pem pem = read(file);
        try {
            if (PUBLIC.equals(pem.label())) {
                return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(pem.der()));
            }
            if (PRIVATE.equals(pem.label())) {
                return publicOf(privateKey(file, pem.der()));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw unreadable(file, "not an RSA public key");
        }
        throw unreadable(file, "expected \"" + PUBLIC + "\" or \"" + PRIVATE + "\", found \"" + pem.label() + "\"");
    }

    static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An RSA private key always yields its public key", e);
        }
    }

    /**
     * A new key pair, its private key written to a file that is created readable by the server's user only, from
     * the first byte on. Refuses to overwrite: two servers sharing a configuration directory must not replace each
     * other's key.
     */
    static RSAPrivateCrtKey generate(Path file) throws IOException {
        RSAPrivateCrtKey key;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime can generate RSA keys", e);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path partial = Files.createTempFile(parent, ".jwt-signing-key", ".tmp", ownerOnly);
        try {
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.WRITE)) {
                out.write(pem(PRIVATE, key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            }
            // a hard link fails if the file appeared meanwhile, where a rename would silently replace it
            Files.createLink(file, partial);
        } finally {
            Files.deleteIfExists(partial);
        }
        return key;
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static RSAPrivateCrtKey privateKey(Path file, byte[] der) {
        try {
            return (RSAPrivateCrtKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw unreadable(file, "not an RSA private key");
        }
    }

    private static Pem read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        Matcher block = BLOCK.matcher(text);
        if (!block.find()) {
            throw unreadable(file, "no PEM block");
        }
        try {
            return new Pem(block.group(1), Base64.getMimeDecoder().decode(block.group(2)));
        } catch (IllegalArgumentException e) {
            throw unreadable(file, "the PEM block is not base64");
        }
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }

    // the message names the file and the problem, never the key material
    private static IllegalStateException unreadable(Path file, String why) {
        return new IllegalStateException("Cannot use the key file " + file + ": " + why);
    }

    private record Pem(String label, byte[] der) {
    }
}
