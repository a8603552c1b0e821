package org.sciplat.token.core.token;

import java.util.Locale;

/**
 * What happened to a token, spelt on the wire and in the change history as the anchor spells it; {@code leaked} is
 * ours: a revocation because the token was reported found in public; so is {@code rotate}: a new secret.
 */
public enum TokenChangeAction {
    CREATE, REVOKE, EXPIRE, EDIT, LEAKED, ROTATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
