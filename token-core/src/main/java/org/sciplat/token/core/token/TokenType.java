package org.sciplat.token.core.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of token, spelt on the wire and in the database as the anchor token service spells them. */
public enum TokenType {
    /** Created by logging in; the parent of what is delegated from that login. */
    SESSION,
    /** Created by a user (or for one by an administrator), with a name, for the user's own tools. */
    USER,
    /** Delegated from a session to the user's notebook, with the session's scopes. */
    NOTEBOOK,
    /** Delegated from a session to a named service, with a subset of the session's scopes. */
    INTERNAL,
    /** Created by an administrator for a bot account. */
    SERVICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
