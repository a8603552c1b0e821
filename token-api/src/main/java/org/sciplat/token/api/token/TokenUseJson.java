package org.sciplat.token.api.token;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.usage.TokenUse;

/** Where a token was last used from, and when. */
@Schema(name = "TokenUse")
public record TokenUseJson(
        @JsonbProperty("ip_address") @Schema(description = "The client's address") String ipAddress,
        @Schema(description = "api or tap (more may come)") String service,
        @JsonbProperty("last_seen")
        @Schema(description = "The latest use from there, seconds since the epoch (stored every 30 s or so)")
        Long lastSeen) {

    static TokenUseJson of(TokenUse use) {
        return new TokenUseJson(use.ipAddress(), use.service(), Epoch.of(use.lastSeen()));
    }
}
