package org.sciplat.token.core.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What the directory says of a user for the hot paths (the ingress check, TAP's places): email and groups, read
 * at most once per user in {@link #TTL}, so a group change reaches quotas within that time.
 */
@ApplicationScoped
public class Identities {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 100_000;

    @Inject
    UserDirectory directory;

    private final Cache<String, Identity> identities =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(TTL).build();

    public Identity of(String username) {
        Identity known = identities.getIfPresent(username);
        if (known != null) {
            return known;
        }
        try {
            Identity found = directory.find(username)
                    .map(user -> new Identity(Optional.ofNullable(user.email()).filter(email -> !email.isBlank()),
                            Set.copyOf(user.groups())))
                    .orElse(Identity.NOBODY);
            identities.put(username, found);
            return found;
        } catch (RuntimeException e) {
            // the caller's token was verified already; without the directory the request goes on with no email and
            // no group quota, as the anchor's rate limiting fails open, and the next request asks again
            return Identity.NOBODY;
        }
    }

    /** A user as the hot paths know them; bots and unknown users have nothing. */
    public record Identity(Optional<String> email, Set<String> groups) {

        static final Identity NOBODY = new Identity(Optional.empty(), Set.of());
    }
}
