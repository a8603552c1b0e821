package org.sciplat.token.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.sciplat.token.core.InvalidTokenException;

/**
 * A token as a client holds it: {@code gt-<key>.<secret>}, each part 22 URL-safe base64 characters (128 random
 * bits). The key is semi-public (it names the token in lists and history); only the secret proves possession, so
 * it is never stored, logged or printed: {@link #toString()} leaves it out.
 */
public final class TokenCredential {

    static final String PREFIX = "gt-";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final String key;
    private final String secret;

    private TokenCredential(String key, String secret) {
        this.key = key;
        this.secret = secret;
    }

    public static TokenCredential generate() {
        return new TokenCredential(random128Bits(), random128Bits());
    }

    /** Parses a presented token, refusing anything not of the exact shape before it can cost a database look-up. */
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
        return hash(secret);
    }

    /** Compares in constant time, so response times tell an attacker nothing about how close a guess was. */
    boolean matches(String storedSecretHash) {
        return MessageDigest.isEqual(
                secretHash().getBytes(StandardCharsets.US_ASCII),
                storedSecretHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String random128Bits() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    @Override
    public String toString() {
        return PREFIX + key + ".<secret>";
    }
}
