package org.sciplat.token.core.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sciplat.token.core.token.UtcTime;

/** One change to a user's quota override; immutable once written, kept after the override is removed. */
@Entity
@Table(name = "quota_override_history")
public class QuotaOverrideChange {

    /** What an admin did to the override. */
    public enum Action {
        SET, REMOVE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quota_history")
    @SequenceGenerator(name = "quota_history", sequenceName = "quota_override_history_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String action;

    @Column(name = "old_quota")
    private String oldQuota;

    @Column(name = "new_quota")
    private String newQuota;

    private String notes;

    @Column(nullable = false)
    private String actor;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "event_time", nullable = false)
    private LocalDateTime eventTime;

    protected QuotaOverrideChange() {
        // for JPA
    }

    QuotaOverrideChange(String username, Action action, QuotaLimits before, QuotaLimits after, String notes,
            String actor, String ipAddress, Instant now) {
        this.username = Objects.requireNonNull(username);
        this.action = action.wireName();
        this.oldQuota = before == null ? null : before.toText();
        this.newQuota = after == null ? null : after.toText();
        this.notes = notes;
        this.actor = Objects.requireNonNull(actor);
        this.ipAddress = ipAddress;
        this.eventTime = UtcTime.toColumn(now);
    }

    public String username() {
        return username;
    }

    public Action action() {
        return Action.valueOf(action.toUpperCase(Locale.ROOT));
    }

    /** The override before the change; empty when there was none. */
    public Optional<QuotaLimits> before() {
        return Optional.ofNullable(oldQuota).map(QuotaLimits::fromText);
    }

    /** The override after the change; empty when it was removed. */
    public Optional<QuotaLimits> after() {
        return Optional.ofNullable(newQuota).map(QuotaLimits::fromText);
    }

    public String notes() {
        return notes;
    }

    public String actor() {
        return actor;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public Instant eventTime() {
        return UtcTime.fromColumn(eventTime);
    }
}
