package org.sciplat.token.web.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.sciplat.token.core.notice.ExpiryWarning;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.web.login.CurrentUser;

/** The user's tokens that expire soon (sciplat.expiry.notice): marked in the lists, and named in a banner. */
@Named
@RequestScoped
public class ExpiringTokens {

    private static final int NAMED = 3;

    @Inject
    ExpiryWarning warning;

    @Inject
    Tokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    TimeDisplay time;

    private List<TokenInfo> due;

    /** The signed-in user's own user tokens that expire within the notice period, soonest first. */
    public List<TokenInfo> getDue() {
        if (due == null) {
            Instant now = Instant.now();
            due = tokens.list(currentUser.token(), currentUser.getUsername()).stream()
                    .filter(token -> token.type() == TokenType.USER && isDue(token, now))
                    .sorted((a, b) -> a.expires().compareTo(b.expires()))
                    .toList();
        }
        return due;
    }

    /** The few that expire first, which the banner names. */
    public List<TokenInfo> getSoonest() {
        return getDue().subList(0, Math.min(NAMED, getDue().size()));
    }

    /** The others, which the banner names only when asked. */
    public List<TokenInfo> getLater() {
        return getDue().subList(Math.min(NAMED, getDue().size()), getDue().size());
    }

    public boolean isDue(TokenInfo token) {
        return isDue(token, Instant.now());
    }

    /** "expires in 3 days", for the banner: the same words as the lists' Expires column. */
    public String inWords(TokenInfo token) {
        return "expires " + time.relative(token.expires());
    }

    private boolean isDue(TokenInfo token, Instant now) {
        return warning.dueExpiry(token.type(), token.expires(), now).isPresent();
    }
}
