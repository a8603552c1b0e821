package org.sciplat.token.api.delegation;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.token.NewToken;

/** A delegated token and what it is: the token itself, its key, type, scopes, service and lifetime. */
@Schema(name = "DelegatedToken")
public record DelegatedTokenJson(
        @Schema(description = "gt-<key>.<secret>") String token,
        String key,
        @JsonbProperty("token_type") @Schema(description = "notebook or internal") String tokenType,
        List<String> scopes,
        @Schema(description = "Internal tokens only: the service it is for") String service,
        @Schema(description = "Seconds since the epoch") Long created,
        @Schema(description = "Seconds since the epoch") Long expires) {

    static DelegatedTokenJson of(NewToken delegated) {
        return new DelegatedTokenJson(delegated.credential().reveal(), delegated.info().key(),
                delegated.info().type().wireName(), List.copyOf(delegated.info().scopes()), delegated.info().service(),
                Epoch.of(delegated.info().created()), Epoch.of(delegated.info().expires()));
    }
}
