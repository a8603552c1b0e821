package org.sciplat.token.core.token;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.AuthenticationFailedException;
import org.sciplat.token.core.NotASessionException;
import org.sciplat.token.core.PasswordLoginDisabledException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.oidc.OidcSettings;
import org.sciplat.token.core.scope.Scope;
import org.sciplat.token.core.scope.ScopeCatalogue;
import org.sciplat.token.core.user.DirectoryUser;
import org.sciplat.token.core.user.LoginThrottle;
import org.sciplat.token.core.user.UserDirectory;
import org.sciplat.token.core.user.UserProfile;

/** Logging in (a session token) and out (revoking it, and everything delegated from it). */
@Stateless
public class Sessions {

    @Inject
    TokenStore store;

    @Inject
    UserDirectory directory;

    @Inject
    ScopeCatalogue catalogue;

    @Inject
    LoginThrottle throttle;

    @Inject
    Tokens tokens;

    @Inject
    Event<TokenChanged> changes;

    @Inject
    OidcSettings oidc;

    @Inject
    @ConfigProperty(name = "sciplat.session.lifetime")
    Duration lifetime;

    /**
     * A new session for a user with the right password whose groups grant at least one scope; refused at once while
     * the client's address must wait after too many wrong passwords. Refused where users log in through an identity
     * provider: it checks their passwords, not this platform.
     */
    public NewToken login(String username, String password, String ipAddress) {
        if (oidc.enabled()) {
            throw new PasswordLoginDisabledException();
        }
        throttle.check(username, ipAddress);
        DirectoryUser user;
        try {
            user = directory.authenticate(username, password);
        } catch (AuthenticationFailedException e) {
            throttle.failed(username, ipAddress);
            throw e;
        }
        throttle.succeeded(username, ipAddress);
        return open(user, ipAddress);
    }

    /**
     * A new session for a user the identity provider vouched for, described as it (and LDAP) describe them now: the
     * directory keeps that description, and the groups in it decide the scopes, so a group left since the last
     * login is a scope gone from this one. A user whose groups grant no scope is refused, and not kept.
     */
    public NewToken login(UserProfile federated, String ipAddress) {
        return open(directory.recordFederated(federated), ipAddress);
    }

    private NewToken open(DirectoryUser user, String ipAddress) {
        String username = user.username();
        Set<String> scopes = new TreeSet<>(catalogue.scopesFor(user.groups()));
        if (scopes.isEmpty()) {
            throw new PermissionDeniedException(username + " is not a member of any authorized groups");
        }
        scopes.add(Scope.USER_TOKEN);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TokenCredential credential = TokenCredential.generate();
        Token session = new Token(credential, user.username(), TokenType.SESSION, null, null, scopes, null, null,
                now, now.plus(lifetime));
        store.add(session);
        changes.fire(TokenChanged.of(TokenChangeAction.CREATE, session.info(), user.username(), ipAddress, now));
        return new NewToken(credential, session.info());
    }

    /** Ends the session the caller holds: the session token and all its descendants are revoked. */
    public void logout(VerifiedToken session, String presentedSession, String ipAddress) {
        if (session.bootstrap() || session.type() != TokenType.SESSION
                || !Delegations.presents(presentedSession, session)) {
            throw new NotASessionException();
        }
        tokens.revoke(session, session.username(), session.key(), ipAddress);
    }
}
