package org.sciplat.token.core.history;

import java.util.Locale;

public enum TokenChangeAction {
    CREATE, REVOKE, EXPIRE, EDIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
