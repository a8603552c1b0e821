package org.sciplat.token.core.websession;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.TokenInfo;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * A user's browsers that are signed in, and signing them out. A web session is a session token (so ending it is
 * revoking that token, which every instance sharing the database refuses within a second, and which takes what
 * was delegated from it along) together with a record of the browser and address it was made from. Logins through
 * the API are session tokens too, but no browser's: they are not listed here.
 */
@Stateless
public class WebSessions {

    private static final Comparator<WebSessionInfo> CURRENT_THEN_NEWEST =
            Comparator.comparing(WebSessionInfo::current).reversed()
                    .thenComparing(WebSessionInfo::signedIn, Comparator.reverseOrder())
                    .thenComparing(WebSessionInfo::key);

    @Inject
    WebLoginStore store;

    @Inject
    Tokens tokens;

    /** Records the browser and address of a web login that has just made this session token. */
    public void record(NewToken session, String userAgent, String clientAddress) {
        store.add(new WebLogin(session.info().key(), userAgent, clientAddress, session.info().created()));
    }

    /** The caller's signed-in browsers: theirs first, then the newest. */
    public List<WebSessionInfo> list(VerifiedToken caller) {
        Map<String, TokenInfo> sessions = tokens.list(caller, caller.username()).stream()
                .filter(token -> token.type() == TokenType.SESSION)
                .filter(token -> token.expires() == null || token.expires().isAfter(Instant.now()))
                .collect(Collectors.toMap(TokenInfo::key, Function.identity()));
        return store.ofTokens(sessions.keySet()).stream()
                .map(login -> {
                    TokenInfo token = sessions.get(login.tokenKey());
                    return new WebSessionInfo(token.key(), BrowserName.of(login.userAgent()), login.clientAddress(),
                            login.signedIn(), token.lastUsed() == null ? login.signedIn() : token.lastUsed(),
                            token.key().equals(caller.key()));
                })
                .sorted(CURRENT_THEN_NEWEST)
                .toList();
    }

    /** Signs one of the caller's browsers out; {@link NotFoundException} if it is none of theirs any more. */
    public void signOut(VerifiedToken caller, String key, String ipAddress) {
        boolean theirs = list(caller).stream().anyMatch(session -> session.key().equals(key));
        if (!theirs) {
            throw new NotFoundException("That session has ended already");
        }
        tokens.revoke(caller, caller.username(), key, ipAddress);
    }

    /** Signs out every browser of the caller's but the one asking; how many were signed out. */
    public int signOutOthers(VerifiedToken caller, String ipAddress) {
        List<WebSessionInfo> others = list(caller).stream().filter(session -> !session.current()).toList();
        others.forEach(session -> tokens.revoke(caller, caller.username(), session.key(), ipAddress));
        return others.size();
    }
}
