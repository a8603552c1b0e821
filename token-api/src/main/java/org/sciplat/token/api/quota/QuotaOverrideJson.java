package org.sciplat.token.api.quota;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.quota.QuotaOverride;

/** A user's quota override as an admin set it. */
@Schema(name = "QuotaOverride")
public record QuotaOverrideJson(
        String username,
        @Schema(description = "What the override sets; what it does not name comes from the user's groups")
        QuotaJson quota,
        @Schema(description = "Why, for the other admins") String notes,
        @JsonbProperty("modified_by") String modifiedBy,
        @Schema(description = "Seconds since the epoch") Long modified) {

    static QuotaOverrideJson of(QuotaOverride override) {
        return new QuotaOverrideJson(override.username(), QuotaJson.of(override.limits()), override.notes(),
                override.modifiedBy(), Epoch.of(override.modified()));
    }
}
