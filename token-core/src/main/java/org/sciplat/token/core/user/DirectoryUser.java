package org.sciplat.token.core.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A person (or bot) of the built-in directory. The password is only ever held as a PBKDF2 hash. */
@Entity
@Table(name = "directory_user")
@NamedQuery(name = "DirectoryUser.count", query = "SELECT COUNT(u) FROM DirectoryUser u")
public class DirectoryUser {

    @Id
    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private LocalDateTime created;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "directory_user_group", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "group_name")
    private Set<String> groups = new HashSet<>();

    protected DirectoryUser() {
        // for JPA
    }

    public DirectoryUser(String username, String displayName, String email, String passwordHash,
            Set<String> groups, LocalDateTime created) {
        if (!Username.isValid(username)) {
            throw new IllegalArgumentException("Invalid username: " + username);
        }
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = Objects.requireNonNull(passwordHash, "A password hash is required");
        this.groups = new HashSet<>(groups);
        this.created = Objects.requireNonNull(created);
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

    String passwordHash() {
        return passwordHash;
    }

    public Set<String> groups() {
        return Collections.unmodifiableSet(groups);
    }
}
