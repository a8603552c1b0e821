package org.sciplat.token.core.lookup;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenStore;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.user.UserDirectory;

/**
 * Users as an administrator looks them up. A user is anyone in the directory (built-in, or federated once logged
 * in) and anyone holding a token, such as a bot given a service token, who is in no directory.
 */
@Stateless
public class UserLookup {

    /** How many names a suggestion list offers. */
    public static final int SUGGESTIONS = 10;

    /** The characters of a username: a prefix of any other is no one's, and never reaches a LIKE pattern. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9-]{1,64}");

    @Inject
    UserDirectory directory;

    @Inject
    TokenStore store;

    @Inject
    Tokens tokens;

    /** The users whose names start with what was typed, sorted. */
    public List<String> suggestions(VerifiedToken admin, String typed) {
        admin.requireAdmin();
        if (typed == null || !PREFIX.matcher(typed).matches()) {
            return List.of();
        }
        return Stream.concat(directory.usernamesStartingWith(typed, SUGGESTIONS).stream(),
                        store.ownersStartingWith(typed, SUGGESTIONS).stream())
                .collect(TreeSet<String>::new, TreeSet::add, TreeSet::addAll).stream()
                .limit(SUGGESTIONS)
                .toList();
    }

    /** The user's tokens, none for a user who has none; empty when no user has this name. */
    public Optional<List<TokenInfo>> tokensOf(VerifiedToken admin, String username) {
        admin.requireAdmin();
        List<TokenInfo> held = tokens.list(admin, username);
        boolean known = !held.isEmpty() || directory.find(username).isPresent();
        return known ? Optional.of(held) : Optional.empty();
    }
}
