package org.sciplat.token.core.ldap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import org.sciplat.token.core.FederatedLoginException;
import org.sciplat.token.core.user.UserGroup;
import org.sciplat.token.core.user.UserProfile;

/**
 * Describes a user the identity provider vouched for as the LDAP directory knows them: their name (cn), email
 * (mail), uid and gid (uidNumber, gidNumber) where the entry has them, and their groups (cn and gidNumber) in place
 * of the ID token's. Answers are cached for {@code sciplat.ldap.cache} (minutes), so a group change takes effect at
 * the next login after that. Without {@code sciplat.ldap.url}, the claims' description stands.
 */
@ApplicationScoped
public class LdapDirectory {

    private static final Logger LOG = Logger.getLogger(LdapDirectory.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";
    private static final int MAX_GROUPS = 1000;

    @Inject
    LdapSettings settings;

    private Cache<String, UserProfile> cache;

    @PostConstruct
    void prepare() {
        cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.cache()).build();
    }

    /** The user as LDAP describes them, over what the claims said; the claims' description without LDAP. */
    public UserProfile describe(UserProfile fromClaims) {
        if (settings.url().isEmpty()) {
            return fromClaims;
        }
        return cache.get(fromClaims.username(), username -> lookUp(fromClaims));
    }

    private UserProfile lookUp(UserProfile claimed) {
        LdapContext ldap = null;
        try {
            ldap = connect();
            SearchControls subtree = new SearchControls();
            subtree.setSearchScope(SearchControls.SUBTREE_SCOPE);
            subtree.setCountLimit(2);
            subtree.setReturningAttributes(new String[] {"cn", "mail", "uidNumber", "gidNumber"});
            NamingEnumeration<SearchResult> users = ldap.search(settings.userBase(),
                    "(" + settings.userAttribute() + "={0})", new Object[] {claimed.username()}, subtree);
            if (!users.hasMore()) {
                // not in the directory: in no group, which the login then refuses as not enrolled
                return new UserProfile(claimed.username(), claimed.name(), claimed.email(), claimed.uid(),
                        claimed.gid(), List.of());
            }
            SearchResult user = users.next();
            Attributes entry = user.getAttributes();
            return new UserProfile(claimed.username(), text(entry, "cn", claimed.name()),
                    text(entry, "mail", claimed.email()), number(entry, "uidNumber", claimed.uid()),
                    number(entry, "gidNumber", claimed.gid()),
                    groups(ldap, settings.membersByUid() ? claimed.username() : user.getNameInNamespace()));
        } catch (NamingException e) {
            LOG.warning(() -> "The LDAP directory cannot describe a user: " + e.getClass().getName());
            throw new FederatedLoginException("The platform's directory cannot be reached; try again later", e);
        } finally {
            close(ldap);
        }
    }

    private List<UserGroup> groups(LdapContext ldap, String member) throws NamingException {
        SearchControls subtree = new SearchControls();
        subtree.setSearchScope(SearchControls.SUBTREE_SCOPE);
        subtree.setCountLimit(MAX_GROUPS);
        subtree.setReturningAttributes(new String[] {"cn", "gidNumber"});
        NamingEnumeration<SearchResult> found = ldap.search(settings.groupBase(),
                "(" + settings.groupMemberAttribute() + "={0})", new Object[] {member}, subtree);
        List<UserGroup> groups = new ArrayList<>();
        while (found.hasMore()) {
            Attributes group = found.next().getAttributes();
            String name = text(group, "cn", null);
            if (name != null) {
                groups.add(new UserGroup(name, number(group, "gidNumber", OptionalLong.empty())));
            }
        }
        return groups;
    }

    private LdapContext connect() throws NamingException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, settings.url().orElseThrow().toString());
        environment.put("com.sun.jndi.ldap.connect.timeout", TIMEOUT_MILLIS);
        environment.put("com.sun.jndi.ldap.read.timeout", TIMEOUT_MILLIS);
        // no referral to another server: it would get the bind password
        environment.put(Context.REFERRAL, "ignore");
        if (settings.bindDn().isPresent()) {
            environment.put(Context.SECURITY_AUTHENTICATION, "simple");
            environment.put(Context.SECURITY_PRINCIPAL, settings.bindDn().get());
            environment.put(Context.SECURITY_CREDENTIALS, settings.bindPassword().orElse(""));
        }
        return new InitialLdapContext(environment, null);
    }

    private static String text(Attributes entry, String name, String otherwise) throws NamingException {
        Attribute attribute = entry.get(name);
        return attribute != null && attribute.get() instanceof String value && !value.isBlank() ? value : otherwise;
    }

    private static OptionalLong number(Attributes entry, String name, OptionalLong otherwise) throws NamingException {
        String value = text(entry, name, null);
        return value != null && value.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(value)) : otherwise;
    }

    private static void close(LdapContext ldap) {
        if (ldap != null) {
            try {
                ldap.close();
            } catch (NamingException e) {
                LOG.fine(() -> "Closing an LDAP connection failed: " + e.getMessage());
            }
        }
    }
}
