package org.sciplat.token.web.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Sessions;
import org.sciplat.token.core.websession.WebSessions;

/**
 * Checks a username and password by logging in through token-core: a successful web login is a real session token,
 * listed under Web Sessions and revoked at logout, exactly like a login through the API. The caller's groups are
 * the session's scopes. A login through the identity provider arrives as a session token already
 * ({@link FederatedCredential}).
 */
@ApplicationScoped
public class SessionIdentityStore implements IdentityStore {

    @Inject
    Sessions sessions;

    @Inject
    WebSession webSession;

    @Inject
    LoginAttempt attempt;

    @Inject
    HttpServletRequest request;

    @Inject
    Authentications authentications;

    @Inject
    WebSessions webSessions;

    @Inject
    CurrentUser currentUser;

    /** A login through the identity provider, which the callback has already made a session token of. */
    public CredentialValidationResult validate(FederatedCredential credential) {
        webSession.start(credential.session(), credential.idToken());
        recordBrowser(credential.session());
        authentications.record(Where.WEB, Result.SUCCESS);
        return new CredentialValidationResult(credential.session().info().username(),
                Set.copyOf(credential.session().info().scopes()));
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            NewToken session = sessions.login(credential.getCaller(), credential.getPasswordAsString(),
                    currentUser.ipAddress());
            webSession.start(session, null);
            recordBrowser(session);
            authentications.record(Where.WEB, Result.SUCCESS);
            return new CredentialValidationResult(session.info().username(), Set.copyOf(session.info().scopes()));
        } catch (TokenServiceException e) {
            // the container only understands valid or invalid; the login page shows why, through the error handler
            attempt.failed(e);
            authentications.record(Where.WEB, Result.ofLogin(e));
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** For the user's list of signed-in browsers. */
    private void recordBrowser(NewToken session) {
        webSessions.record(session, request.getHeader("User-Agent"), currentUser.ipAddress());
    }
}
