package org.sciplat.token.core.user;

import java.util.Objects;
import java.util.OptionalLong;

/** A group a user is a member of: its name, which scopes are granted by, and its POSIX gid where one is known. */
public record UserGroup(String name, OptionalLong id) implements Comparable<UserGroup> {

    public UserGroup {
        Objects.requireNonNull(name, "A group has a name");
        if (name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("A group name is 1 to 128 characters");
        }
        Objects.requireNonNull(id, "id");
    }

    public static UserGroup named(String name) {
        return new UserGroup(name, OptionalLong.empty());
    }

    @Override
    public int compareTo(UserGroup other) {
        return name.compareTo(other.name);
    }
}
