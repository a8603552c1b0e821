package org.sciplat.token.core.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import org.sciplat.token.core.token.UtcTime;

/** A user's quota as an admin set it, winning over what the user's groups grant. */
@Entity
@Table(name = "quota_override")
public class QuotaOverride {

    @Id
    private String username;

    /** {@link QuotaLimits#toText}'s form of the API rates. */
    @Column(nullable = false)
    private String api;

    /** {@link QuotaLimits#toText}'s form of the requests at once. */
    @Column(nullable = false)
    private String concurrent;

    private String notes;

    @Column(name = "modified_by", nullable = false)
    private String modifiedBy;

    @Column(nullable = false)
    private LocalDateTime modified;

    protected QuotaOverride() {
        // for JPA
    }

    QuotaOverride(String username, QuotaLimits limits, String notes, String actor, Instant now) {
        this.username = Objects.requireNonNull(username);
        change(limits, notes, actor, now);
    }

    /** Replaces the whole override: what the admin sends is what holds. */
    void change(QuotaLimits limits, String notes, String actor, Instant now) {
        this.api = QuotaLimits.of(limits.api(), Map.of()).toText();
        this.concurrent = QuotaLimits.of(Map.of(), limits.concurrent()).toText();
        this.notes = notes;
        this.modifiedBy = Objects.requireNonNull(actor);
        this.modified = UtcTime.toColumn(now);
    }

    public String username() {
        return username;
    }

    public QuotaLimits limits() {
        return new QuotaLimits(QuotaLimits.fromText(api).api(), QuotaLimits.fromText(concurrent).concurrent());
    }

    public String notes() {
        return notes;
    }

    public String modifiedBy() {
        return modifiedBy;
    }

    public Instant modified() {
        return UtcTime.fromColumn(modified);
    }
}
