package org.sciplat.token.core.history;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sciplat.token.core.InvalidIpAddressException;
import org.sciplat.token.core.RequestField;

/**
 * IP addresses and CIDR blocks as 32 hex digits of IPv6 (IPv4 as IPv4-mapped), so that "in this block" is a range
 * comparison every database can index.
 */
public final class IpAddress {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    /** With a colon, InetAddress parses the text as an IPv6 literal and never asks DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddress() {
    }

    /** The hex form of an address literal, or empty if it is not one. Never resolves a host name. */
    public static Optional<String> hex(String literal) {
        if (literal == null || literal.length() > 45
                || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return Optional.of(HexFormat.of().formatHex(toIpv6(bytes)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The lowest and highest hex form in an address or CIDR block; 422 {@code invalid_ip_address} if it is neither. */
    public static String[] range(String addressOrBlock) {
        return findRange(addressOrBlock).orElseThrow(() -> new InvalidIpAddressException(addressOrBlock));
    }

    /** As {@link #range(String)}, for a value a request gave in this field. */
    public static String[] range(String addressOrBlock, RequestField field) {
        return findRange(addressOrBlock).orElseThrow(() -> new InvalidIpAddressException(addressOrBlock, field));
    }

    private static Optional<String[]> findRange(String addressOrBlock) {
        String address = addressOrBlock;
        int prefix = -1;
        int slash = addressOrBlock.indexOf('/');
        if (slash >= 0) {
            address = addressOrBlock.substring(0, slash);
            String length = addressOrBlock.substring(slash + 1);
            if (!length.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
        }
        Optional<String> hex = hex(address);
        boolean v4 = address.contains(".") && !address.contains(":");
        int bits = prefix < 0 ? 128 : (v4 ? prefix + 96 : prefix);
        if (hex.isEmpty() || prefix > (v4 ? 32 : 128) || bits < 0 || bits > 128) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(hex.get(), 16);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - bits).subtract(BigInteger.ONE);
        BigInteger low = value.andNot(hostMask);
        BigInteger high = low.or(hostMask);
        return Optional.of(new String[] {pad(low), pad(high)});
    }

    private static byte[] toIpv6(byte[] bytes) {
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    private static String pad(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(32 - hex.length()) + hex;
    }
}
