package org.sciplat.token.web.token;

import org.sciplat.token.core.token.TokenInfo;

/** How a message names a token to people: its own name, else what it was made for, else its type and key. */
final class Labels {

    private Labels() {
    }

    static String of(TokenInfo token) {
        if (token.name() != null) {
            return "\"" + token.name() + "\"";
        }
        if (token.service() != null) {
            return "the " + token.type().wireName() + " token for " + token.service();
        }
        return "the " + token.type().wireName() + " token " + token.key();
    }
}
