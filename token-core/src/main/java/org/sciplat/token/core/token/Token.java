package org.sciplat.token.core.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import org.sciplat.token.core.InvalidTokenDescriptionException;

/**
 * A stored token: its public key, a hash of its secret, whose it is, what it allows and until when. Revoking or
 * expiring a token deletes it; its history rows remain.
 */
@Entity
@Table(name = "token")
public class Token {

    /** The longest description, in characters: a line, as GitHub's token note is. */
    public static final int MAX_DESCRIPTION_LENGTH = 256;

    @Id
    @Column(name = "token_key")
    private String key;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "secret_checksum", nullable = false)
    private boolean secretChecksum;

    @Column(nullable = false)
    private String username;

    @Column(name = "token_type", nullable = false)
    private TokenType type;

    @Column(name = "token_name")
    private String name;

    private String description;

    @Column(nullable = false)
    private String scopes;

    private String service;

    @Column(name = "parent_key")
    private String parentKey;

    @Column(nullable = false)
    private LocalDateTime created;

    @Column(name = "last_used")
    private LocalDateTime lastUsed;

    private LocalDateTime expires;

    private LocalDateTime rotated;

    @Column(name = "previous_secret_hash")
    private String previousSecretHash;

    @Column(name = "previous_secret_until")
    private LocalDateTime previousSecretUntil;

    @Column(name = "expiry_notice_days")
    private Integer expiryNoticeDays;

    protected Token() {
        // for JPA
    }

    Token(TokenCredential credential, String username, TokenType type, String name, String description,
            Collection<String> scopes, String service, String parentKey, Instant created, Instant expires) {
        this.key = credential.key();
        this.secretHash = credential.secretHash();
        this.secretChecksum = credential.hasChecksum();
        this.username = Objects.requireNonNull(username);
        this.type = Objects.requireNonNull(type);
        this.name = name;
        this.description = checkedDescription(description);
        this.scopes = ScopeSet.join(scopes);
        this.service = service;
        this.parentKey = parentKey;
        this.created = UtcTime.toColumn(Objects.requireNonNull(created));
        this.expires = UtcTime.toColumn(expires);
    }

    public String key() {
        return key;
    }

    String secretHash() {
        return secretHash;
    }

    /**
     * Whether this is the token's secret, compared in constant time: the current one, or the one a rotation
     * replaced while its grace period lasts.
     */
    public boolean hasSecretOf(TokenCredential credential, Instant now) {
        return credential.matches(secretHash) || isPreviousSecret(credential, now);
    }

    boolean isPreviousSecret(TokenCredential credential, Instant now) {
        return previousSecretHash != null && previousSecretUntil().isAfter(now)
                && credential.matches(previousSecretHash);
    }

    /** Until when the secret a rotation replaced still works; null if none does. */
    public Instant previousSecretUntil() {
        return UtcTime.fromColumn(previousSecretUntil);
    }

    /** When the secret was last replaced; null if never. */
    public Instant rotated() {
        return UtcTime.fromColumn(rotated);
    }

    /** How long the token was given when it was created or last rotated; empty if it never expires. */
    Optional<Duration> lifetime() {
        return Optional.ofNullable(expires())
                .map(end -> Duration.between(rotated() != null ? rotated() : created(), end));
    }

    /**
     * A new secret, a new expiry, and the old secret kept working until {@code graceUntil} (null: not at all).
     */
    void rotate(TokenCredential fresh, Instant now, Instant newExpires, Instant graceUntil) {
        if (!fresh.key().equals(key)) {
            throw new IllegalArgumentException("A rotation keeps the token's key");
        }
        previousSecretHash = graceUntil == null ? null : secretHash;
        previousSecretUntil = UtcTime.toColumn(graceUntil);
        secretHash = fresh.secretHash();
        secretChecksum = fresh.hasChecksum();
        rotated = UtcTime.toColumn(now);
        expireAt(newExpires);
    }

    public String username() {
        return username;
    }

    public TokenType type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** What the owner wrote about the token; null if nothing. */
    public String description() {
        return description;
    }

    public SortedSet<String> scopes() {
        return ScopeSet.split(scopes);
    }

    public String service() {
        return service;
    }

    public String parentKey() {
        return parentKey;
    }

    public Instant created() {
        return UtcTime.fromColumn(created);
    }

    public Instant lastUsed() {
        return UtcTime.fromColumn(lastUsed);
    }

    public Instant expires() {
        return UtcTime.fromColumn(expires);
    }

    public boolean isExpiredAt(Instant now) {
        return expires != null && !UtcTime.fromColumn(expires).isAfter(now);
    }

    void rename(String newName) {
        this.name = newName;
    }

    /** A new description; null or blank removes it. */
    void describe(String newDescription) {
        this.description = checkedDescription(newDescription);
    }

    /**
     * One line of plain text, surrounding spaces dropped, blank as none: no control character (so no line break)
     * and no angle bracket, which only markup would need and a careless page would run.
     */
    private static String checkedDescription(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip();
        if (line.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidTokenDescriptionException(
                    "Description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (line.chars().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw new InvalidTokenDescriptionException(
                    "Description must be one line of plain text: no control characters, no angle brackets");
        }
        return line;
    }

    void rescope(Collection<String> newScopes) {
        this.scopes = ScopeSet.join(newScopes);
    }

    void expireAt(Instant newExpires) {
        this.expires = UtcTime.toColumn(newExpires);
        this.expiryNoticeDays = null;
    }

    /**
     * Records that the owner is being told of the expiry {@code days} (or fewer) ahead; false if a notice for this
     * threshold or a nearer one was already sent for the current expiry.
     */
    public boolean noteExpiryNotice(int days) {
        if (expiryNoticeDays != null && expiryNoticeDays <= days) {
            return false;
        }
        expiryNoticeDays = days;
        return true;
    }

    public TokenInfo info() {
        return new TokenInfo(key, username, type, name, description, scopes(), service, created(), lastUsed(), expires(), parentKey);
    }
}
