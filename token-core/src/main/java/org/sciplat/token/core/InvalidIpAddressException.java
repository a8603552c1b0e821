package org.sciplat.token.core;

/** Text that is neither an IP address nor a CIDR block. */
public class InvalidIpAddressException extends TokenServiceException {

    private static final long serialVersionUID = 1L;

    public InvalidIpAddressException(String value) {
        super("invalid_ip_address", 422, message(value));
    }

    public InvalidIpAddressException(String value, RequestField field) {
        super("invalid_ip_address", 422, message(value), field);
    }

    private static String message(String value) {
        return "Invalid IP address or CIDR block: " + value;
    }
}
