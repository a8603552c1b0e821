package org.sciplat.token.api.history;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.history.TokenChangeEntry;

/** A change history row in the anchor's JSON shape; old_* only on edits, for what changed. */
@Schema(name = "TokenChange")
public record TokenChangeJson(
        @Schema(description = "The changed token's key") String token,
        String username,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("token_name") String tokenName,
        @Schema(description = "What the owner wrote about the token, if anything") String description,
        String parent,
        List<String> scopes,
        String service,
        Long expires,
        @Schema(description = "Who made the change") String actor,
        @Schema(description = "create, edit, revoke, expire, rotate or leaked (more may come)") String action,
        @JsonbProperty("old_token_name") String oldTokenName,
        @JsonbProperty("old_description") String oldDescription,
        @JsonbProperty("old_scopes") List<String> oldScopes,
        @JsonbProperty("old_expires") Long oldExpires,
        @JsonbProperty("ip_address") String ipAddress,
        @JsonbProperty("event_time") @Schema(description = "Seconds since the epoch") Long eventTime) {

    static TokenChangeJson of(TokenChangeEntry e) {
        return new TokenChangeJson(e.key(), e.username(), e.type().wireName(), e.name(), e.description(),
                e.parentKey(),
                List.copyOf(e.scopes()), e.service(), Epoch.of(e.expires()), e.actor(), e.action().wireName(),
                e.oldName(), e.oldDescription(), e.oldScopes() == null ? null : List.copyOf(e.oldScopes()), Epoch.of(e.oldExpires()),
                e.ipAddress(), Epoch.of(e.eventTime()));
    }
}
