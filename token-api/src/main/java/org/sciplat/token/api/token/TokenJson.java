package org.sciplat.token.api.token;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.token.Token;
import org.sciplat.token.core.token.TokenInfo;

/** A token as the anchor's JSON shows it: epoch seconds, absent fields left out. */
@Schema(name = "Token", description = "A token, without its secret")
public record TokenJson(
        @Schema(description = "The token's key, which names it in lists and history (not the secret)") String token,
        String username,
        @JsonbProperty("token_type")
        @Schema(description = "session, user, notebook, internal or service (more may come)") String tokenType,
        @JsonbProperty("token_name") @Schema(description = "User tokens only") String tokenName,
        @Schema(description = "One line the owner wrote about the token; absent if none",
                maxLength = Token.MAX_DESCRIPTION_LENGTH) String description,
        List<String> scopes,
        @Schema(description = "Internal tokens only: the service it is for") String service,
        @Schema(description = "Seconds since the epoch") Long created,
        @JsonbProperty("last_used") @Schema(description = "Seconds since the epoch; absent if never used") Long lastUsed,
        @Schema(description = "Seconds since the epoch; absent if it never expires") Long expires,
        @Schema(description = "The key of the token it was made from, for notebook and internal tokens")
        String parent) {

    public static TokenJson of(TokenInfo info) {
        return new TokenJson(info.key(), info.username(), info.type().wireName(), info.name(),
                info.description(),
                List.copyOf(info.scopes()), info.service(), Epoch.of(info.created()), Epoch.of(info.lastUsed()),
                Epoch.of(info.expires()), info.parentKey());
    }
}
