package org.sciplat.token.core.ldap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where users' groups and POSIX ids come from when not from the ID token: an LDAP directory
 * ({@code sciplat.ldap.url}; unset, none), searched with a bind DN and password (the password from the
 * environment), users found by their username under {@code sciplat.ldap.user-base}, groups under
 * {@code sciplat.ldap.group-base} by member uid (posixGroup) or member DN (groupOfNames).
 */
@ApplicationScoped
public class LdapSettings {

    @Inject
    @ConfigProperty(name = "sciplat.ldap.url")
    Optional<URI> url;

    @Inject
    @ConfigProperty(name = "sciplat.ldap.bind-dn")
    Optional<String> bindDn;

    @Inject
    @ConfigProperty(name = "sciplat.ldap.bind-password")
    Optional<String> bindPassword;

    @Inject
    @ConfigProperty(name = "sciplat.ldap.user-base", defaultValue = "ou=people,dc=example,dc=org")
    String userBase;

    @Inject
    @ConfigProperty(name = "sciplat.ldap.user-attribute", defaultValue = "uid")
    String userAttribute;

    @Inject
    @ConfigProperty(name = "sciplat.ldap.group-base", defaultValue = "ou=groups,dc=example,dc=org")
    String groupBase;

    /** memberUid: the group lists its members' usernames; member (or uniqueMember): their DNs. */
    @Inject
    @ConfigProperty(name = "sciplat.ldap.group-member-attribute", defaultValue = "memberUid")
    String groupMemberAttribute;

    @Inject
    @ConfigProperty(name = "sciplat.ldap.cache", defaultValue = "PT5M")
    Duration cache;

    public Optional<URI> url() {
        return url;
    }

    public Optional<String> bindDn() {
        return bindDn;
    }

    public Optional<String> bindPassword() {
        return bindPassword;
    }

    public String userBase() {
        return userBase;
    }

    public String userAttribute() {
        return userAttribute;
    }

    public String groupBase() {
        return groupBase;
    }

    public String groupMemberAttribute() {
        return groupMemberAttribute;
    }

    /** Whether groups name their members by username (memberUid) rather than by DN. */
    public boolean membersByUid() {
        return "memberUid".equalsIgnoreCase(groupMemberAttribute);
    }

    public Duration cache() {
        return cache;
    }
}
