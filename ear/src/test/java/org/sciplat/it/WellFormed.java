package org.sciplat.it;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Tokens that are well formed, checksum and all, but wrong (README, Leaked tokens): what a test needs to reach
 * the look-up that the checksum saves a mistyped token from.
 */
public final class WellFormed {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private WellFormed() {
    }

    /** The token's key with another secret, sixteen characters and a valid checksum. */
    public static String wrongSecret(String token, String sixteen) {
        String body = token.substring(0, 26) + sixteen;
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return body + new String(digits);
    }
}
