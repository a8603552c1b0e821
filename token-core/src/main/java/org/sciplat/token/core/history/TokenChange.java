package org.sciplat.token.core.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.sciplat.token.core.token.ScopeSet;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.TokenChanged;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.UtcTime;

/** One change to one token; immutable once written. */
@Entity
@Table(name = "token_change_history")
public class TokenChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "history")
    @SequenceGenerator(name = "history", sequenceName = "token_change_history_seq", allocationSize = 50)
    private Long id;

    @Column(name = "token_key", nullable = false)
    private String tokenKey;

    @Column(nullable = false)
    private String username;

    @Column(name = "token_type", nullable = false)
    private TokenType tokenType;

    @Column(name = "token_name")
    private String name;

    @Column(name = "parent_key")
    private String parentKey;

    @Column(nullable = false)
    private String scopes;

    private String service;

    private LocalDateTime expires;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private TokenChangeAction action;

    @Column(name = "old_token_name")
    private String oldName;

    private String description;

    @Column(name = "old_description")
    private String oldDescription;

    @Column(name = "old_scopes")
    private String oldScopes;

    @Column(name = "old_expires")
    private LocalDateTime oldExpires;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "ip_hex")
    private String ipHex;

    @Column(name = "event_time", nullable = false)
    private LocalDateTime eventTime;

    protected TokenChange() {
        // for JPA
    }

    TokenChange(TokenChanged change) {
        TokenInfo token = change.token();
        this.tokenKey = token.key();
        this.username = token.username();
        this.tokenType = token.type();
        this.name = token.name();
        this.description = token.description();
        this.parentKey = token.parentKey();
        this.scopes = ScopeSet.join(token.scopes());
        this.service = token.service();
        this.expires = UtcTime.toColumn(token.expires());
        this.action = change.action();
        this.actor = change.actor();
        this.ipAddress = change.ipAddress();
        this.ipHex = IpAddress.hex(ipAddress).orElse(null);
        this.eventTime = UtcTime.toColumn(change.at().truncatedTo(ChronoUnit.SECONDS));
        change.before().ifPresent(this::before);
    }

    /** An edit records the values before it; only those that changed. */
    private void before(TokenInfo old) {
        if (!Objects.equals(old.name(), name)) {
            oldName = old.name();
        }
        if (!Objects.equals(old.description(), description)) {
            oldDescription = old.description();
        }
        String before = ScopeSet.join(old.scopes());
        if (!before.equals(scopes)) {
            oldScopes = before;
        }
        if (!Objects.equals(UtcTime.toColumn(old.expires()), expires)) {
            oldExpires = UtcTime.toColumn(old.expires());
        }
    }

    Long id() {
        return id;
    }

    Instant eventTime() {
        return UtcTime.fromColumn(eventTime);
    }

    public TokenChangeEntry entry() {
        return new TokenChangeEntry(tokenKey, username, tokenType, name, description, parentKey,
                ScopeSet.split(scopes), service, UtcTime.fromColumn(expires), actor, action, oldName, oldDescription,
                oldScopes == null ? null : ScopeSet.split(oldScopes), UtcTime.fromColumn(oldExpires), ipAddress,
                UtcTime.fromColumn(eventTime));
    }
}
