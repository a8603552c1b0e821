package org.sciplat.token.api.quota;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.Epoch;
import org.sciplat.token.core.quota.QuotaOverrideChange;

/** One change to a user's quota override. */
@Schema(name = "QuotaOverrideChange")
public record QuotaOverrideChangeJson(
        String username,
        @Schema(description = "set or remove") String action,
        @JsonbProperty("old_quota") @Schema(description = "The override before; absent when there was none")
        QuotaJson oldQuota,
        @JsonbProperty("new_quota") @Schema(description = "The override after; absent when removed")
        QuotaJson newQuota,
        String notes,
        @Schema(description = "Who made the change") String actor,
        @JsonbProperty("ip_address") String ipAddress,
        @JsonbProperty("event_time") @Schema(description = "Seconds since the epoch") Long eventTime) {

    static QuotaOverrideChangeJson of(QuotaOverrideChange change) {
        return new QuotaOverrideChangeJson(change.username(), change.action().wireName(),
                change.before().map(QuotaJson::of).orElse(null), change.after().map(QuotaJson::of).orElse(null),
                change.notes(), change.actor(), change.ipAddress(), Epoch.of(change.eventTime()));
    }
}
