package org.sciplat.token.core.token;

import java.util.Locale;

/** What happened to a token, spelt on the wire and in the change history as the anchor spells it. */
public enum TokenChangeAction {
    CREATE, REVOKE, EXPIRE, EDIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
