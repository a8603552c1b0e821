package org.sciplat.token.core.leak;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.Token;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.TokenChanged;
import org.sciplat.token.core.token.TokenCredential;
import org.sciplat.token.core.token.TokenStore;
import org.sciplat.token.core.token.TokenVerifier;

/**
 * Tokens reported found in public (by a secret scanner, or anyone): each one that is a current token is revoked
 * with every token made from it, recorded as {@code leaked}, and its owner told. The reporter needs no credential
 * and learns nothing: the answer is the same whether any token existed.
 */
@Stateless
public class LeakReports {

    /** As GitHub's credential revocation API. */
    public static final int MAX_CREDENTIALS = 1000;
    /** The actor of the history rows, in the anchor's style for work nobody signed in did. */
    static final String ACTOR = "<leak-report>";

    @Inject
    LeakReportThrottle throttle;

    @Inject
    TokenStore store;

    @Inject
    TokenVerifier verifier;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    Event<TokenLeaked> leaks;

    /** Revokes every current token among the presented strings; malformed and unknown ones are passed over. */
    public void report(List<String> presented, String ipAddress) {
        throttle.check(ipAddress);
        if (presented.size() > MAX_CREDENTIALS) {
            throw new InvalidRequestException("At most " + MAX_CREDENTIALS + " credentials per report",
                    RequestField.CREDENTIALS);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String each : presented) {
            wellFormed(each)
                    // locked: a second report of the same token waits for the first, then finds it gone
                    .flatMap(credential -> store.findLocked(credential.key())
                            .filter(token -> token.hasSecretOf(credential, now)))
                    .ifPresent(token -> revoke(token, ipAddress, now));
        }
    }

    private void revoke(Token leaked, String ipAddress, Instant now) {
        List<Token> deepestFirst = new ArrayList<>(store.withDescendants(leaked));
        Collections.reverse(deepestFirst);
        for (Token token : deepestFirst) {
            // the reported token was leaked; those made from it are revoked because it was
            TokenChangeAction action = token == leaked ? TokenChangeAction.LEAKED : TokenChangeAction.REVOKE;
            changes.fire(TokenChanged.of(action, token.info(), ACTOR, ipAddress, now));
        }
        leaks.fire(new TokenLeaked(leaked.info(), ipAddress, now));
        store.remove(deepestFirst);
        verifier.invalidate(deepestFirst.stream().map(Token::key).toList());
    }

    private Optional<TokenCredential> wellFormed(String presented) {
        try {
            return Optional.of(verifier.parse(presented));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }
}
