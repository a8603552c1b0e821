package org.sciplat.token.core;

import java.util.List;

/**
 * The parts of a request a refusal can be about, each with the location the anchor's clients read in an error's
 * {@code loc}. The web UI maps them to its inputs; the wire names are the API's.
 */
public enum RequestField {
    BODY("body"),
    TOKEN_NAME("body", "token_name"),
    DESCRIPTION("body", "description"),
    SCOPES("body", "scopes"),
    EXPIRES("body", "expires"),
    USERNAME("body", "username"),
    TOKEN_TYPE("body", "token_type"),
    SERVICE("body", "service"),
    MINIMUM_LIFETIME("body", "minimum_lifetime"),
    CREDENTIALS("body", "credentials"),
    GRACE_PERIOD("body", "grace_period"),
    QUOTA_API("body", "api"),
    /** The anchor's name for concurrency quotas, which TAP services were the first to have. */
    QUOTA_CONCURRENT("body", "tap"),
    NOTES("body", "notes"),
    KEY("path", "key"),
    QUERY("query"),
    SINCE("query", "since"),
    UNTIL("query", "until"),
    TOKEN_TYPE_FILTER("query", "token_type"),
    IP_ADDRESS("query", "ip_address"),
    CURSOR("query", "cursor"),
    LIMIT("query", "limit");

    private final List<String> loc;

    RequestField(String... loc) {
        this.loc = List.of(loc);
    }

    /** Where the field is on the wire, such as {@code ["body", "expires"]}. */
    public List<String> loc() {
        return loc;
    }

    /** The field's own name, as it appears in a JSON body or a query string. */
    public String wireName() {
        return loc.get(loc.size() - 1);
    }
}
