package org.sciplat.token.core.leak;

import java.time.Instant;
import java.util.Objects;
import org.sciplat.token.core.token.TokenInfo;

/**
 * A token was revoked because it was reported leaked: announced inside the revoking transaction, so that the
 * owner's notice goes out only once the revocation has committed.
 */
public record TokenLeaked(TokenInfo token, String reporterAddress, Instant at) {

    public TokenLeaked {
        Objects.requireNonNull(token);
        Objects.requireNonNull(at);
    }
}
