package org.sciplat.token.core.user;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who a user is, as the built-in directory or an identity provider (with LDAP) describes them: what user-info
 * answers, and the groups their scopes come from. The username follows the platform's rules.
 */
public record UserProfile(String username, String name, String email, OptionalLong uid, OptionalLong gid,
        List<UserGroup> groups) {

    public UserProfile {
        if (!Username.isValid(username)) {
            throw new IllegalArgumentException("Invalid username: " + username);
        }
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        groups = groups.stream().sorted().distinct().toList();
    }

    public List<String> groupNames() {
        return groups.stream().map(UserGroup::name).toList();
    }
}
