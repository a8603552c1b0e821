package org.sciplat.token.core.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sciplat.token.core.InvalidTokenException;

/**
 * A token as a client holds it: {@code gt-<key>.<secret>}, each part 22 URL-safe base64 characters. The key is
 * semi-public (it names the token in lists and history); only the secret proves possession, so it is never stored,
 * logged or printed: {@link #toString()} leaves it out.
 *
 * <p>The secret is 16 random characters (96 bits) and a 6-character checksum: the CRC32 of everything before it
 * ({@code gt-<key>.<16 characters>}) in base 62, as GitHub's tokens carry one. A secret scanner matches tokens
 * with few false positives, and a mistyped token is refused here, before any database work. Tokens issued before
 * the checksum have 22 random characters; {@link TokenVerifier} still accepts those it knows by key.
 */
public final class TokenCredential {

    static final String PREFIX = "gt-";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final int RANDOM_SECRET_BYTES = 12;
    private static final int CHECKSUM_LENGTH = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final String key;
    private final String secret;
    /** Computed once: verification needs it both to look up refusals and to compare with the stored hash. */
    private final String secretHash;

    private TokenCredential(String key, String secret) {
        this.key = key;
        this.secret = secret;
        this.secretHash = hash(secret);
    }

    public static TokenCredential generate() {
        return withChecksum(random128Bits(), randomBytes(RANDOM_SECRET_BYTES));
    }

    /** The same key with a new secret: what a rotation hands out. */
    static TokenCredential rotated(String key) {
        return withChecksum(key, randomBytes(RANDOM_SECRET_BYTES));
    }

    /**
     * A child token whose secret is derived from its parent's full token: whoever presents the parent can be handed
     * the same child again, while nothing but the child's hash is stored, and nobody without the parent can
     * compute it.
     */
    static TokenCredential derive(String parentToken, String childKey) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(parentToken.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] digest = hmac.doFinal(("child:" + childKey).getBytes(StandardCharsets.US_ASCII));
            return withChecksum(childKey, Arrays.copyOf(digest, RANDOM_SECRET_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** A fresh key for a child token; its secret comes from {@link #derive}. */
    static String newKey() {
        return random128Bits();
    }

    /**
     * Parses a presented token, refusing anything not of the exact shape before it can cost a database look-up.
     * The checksum is not checked here: {@link #hasChecksum()} tells, and the verifier decides.
     */
    public static TokenCredential parse(String presented) {
        if (presented == null || presented.length() != 48 || !presented.startsWith(PREFIX)
                || presented.charAt(25) != '.') {
            throw new InvalidTokenException("Token is malformed");
        }
        String key = presented.substring(3, 25);
        String secret = presented.substring(26);
        if (!PART.matcher(key).matches() || !PART.matcher(secret).matches()) {
            throw new InvalidTokenException("Token is malformed");
        }
        return new TokenCredential(key, secret);
    }

    /** Whether the secret ends with the checksum of the rest: true of every token issued since the checksum. */
    public boolean hasChecksum() {
        int split = secret.length() - CHECKSUM_LENGTH;
        return secret.substring(split).equals(checksum(key, secret.substring(0, split)));
    }

    /** Whether a string is meant as a token, well-formed or not: in HTTP Basic, what tells it from x-oauth-basic. */
    public static boolean isMeantAsToken(String value) {
        return value.startsWith(PREFIX);
    }

    /** Whether a string is a valid token key, such as the {@code {key}} of a URL. */
    public static boolean isKey(String key) {
        return key != null && PART.matcher(key).matches();
    }

    public String key() {
        return key;
    }

    /** The full token, for the one response that hands it to its owner. */
    public String reveal() {
        return PREFIX + key + "." + secret;
    }

    /** What the database keeps instead of the secret. */
    String secretHash() {
        return secretHash;
    }

    /** Compares in constant time, so response times tell an attacker nothing about how close a guess was. */
    boolean matches(String storedSecretHash) {
        return MessageDigest.isEqual(
                secretHash.getBytes(StandardCharsets.US_ASCII),
                storedSecretHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static TokenCredential withChecksum(String key, byte[] randomPart) {
        String random = BASE64.encodeToString(randomPart);
        return new TokenCredential(key, random + checksum(key, random));
    }

    /** CRC32 of {@code gt-<key>.<random part>} in base 62, left-padded with 0 to six characters (62^6 > 2^32). */
    static String checksum(String key, String randomPart) {
        CRC32 crc = new CRC32();
        crc.update((PREFIX + key + "." + randomPart).getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % BASE62.length()));
            value /= BASE62.length();
        }
        return new String(digits);
    }

    private static String random128Bits() {
        return BASE64.encodeToString(randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return PREFIX + key + ".<secret>";
    }
}
