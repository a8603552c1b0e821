package org.sciplat.token.core.notice;

import java.util.Objects;
import org.sciplat.token.core.token.TokenInfo;

/**
 * A token's owner is to be told that it expires within {@code days} days: announced in the transaction that
 * records the notice as sent, and mailed once that has committed, so no instance sends it twice.
 */
public record ExpiryNoticeDue(TokenInfo token, int days) {

    public ExpiryNoticeDue {
        Objects.requireNonNull(token);
        Objects.requireNonNull(token.expires());
    }
}
