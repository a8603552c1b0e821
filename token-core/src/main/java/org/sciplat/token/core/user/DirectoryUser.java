package org.sciplat.token.core.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A person (or bot) of the directory: one of the built-in directory, whose password is only ever held as a PBKDF2
 * hash, or one an identity provider vouched for at their last login ({@link #federated()}), who has no password here.
 */
@Entity
@Table(name = "directory_user")
@NamedQuery(name = "DirectoryUser.count", query = "SELECT COUNT(u) FROM DirectoryUser u")
public class DirectoryUser {

    @Id
    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private Long uid;

    private Long gid;

    private boolean federated;

    @Column(nullable = false)
    private LocalDateTime created;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "directory_user_group", joinColumns = @JoinColumn(name = "username"))
    @MapKeyColumn(name = "group_name")
    @Column(name = "group_id")
    private Map<String, Long> groups = new HashMap<>();

    protected DirectoryUser() {
        // for JPA
    }

    /** A user of the built-in directory, with a password. */
    public DirectoryUser(UserProfile profile, String passwordHash, LocalDateTime created) {
        this(profile, created);
        this.passwordHash = Objects.requireNonNull(passwordHash, "A password hash is required");
    }

    private DirectoryUser(UserProfile profile, LocalDateTime created) {
        this.username = profile.username();
        this.created = Objects.requireNonNull(created);
        describe(profile);
    }

    /** A user the identity provider vouched for, as it (and LDAP) describe them. */
    public static DirectoryUser federated(UserProfile profile, LocalDateTime created) {
        DirectoryUser user = new DirectoryUser(profile, created);
        user.federated = true;
        return user;
    }

    /**
     * What the identity provider says of the user at this login replaces what it (or the built-in directory) said
     * before; a built-in user of that name becomes the provider's, and their password here is dropped.
     */
    void federate(UserProfile profile) {
        describe(profile);
        federated = true;
        passwordHash = null;
    }

    private void describe(UserProfile profile) {
        if (!profile.username().equals(username)) {
            throw new IllegalArgumentException("A profile of " + profile.username() + " cannot describe " + username);
        }
        this.displayName = profile.name();
        this.email = profile.email();
        this.uid = profile.uid().isPresent() ? profile.uid().getAsLong() : null;
        this.gid = profile.gid().isPresent() ? profile.gid().getAsLong() : null;
        this.groups = new HashMap<>();
        profile.groups().forEach(group -> groups.put(group.name(), group.id().isPresent() ? group.id().getAsLong() : null));
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    /** Empty for a federated user, who never logs in with a password here. */
    Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public boolean federated() {
        return federated;
    }

    /** The group names, which decide the user's scopes. */
    public Set<String> groups() {
        return Collections.unmodifiableSet(groups.keySet());
    }

    /** Everything the directory holds about the user but the password. */
    public UserProfile profile() {
        return new UserProfile(username, displayName, email, optional(uid), optional(gid),
                groups.entrySet().stream().map(g -> new UserGroup(g.getKey(), optional(g.getValue()))).toList());
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
