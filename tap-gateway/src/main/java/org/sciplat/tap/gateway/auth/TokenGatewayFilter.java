package org.sciplat.tap.gateway.auth;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.sciplat.tap.PlainText;
import org.sciplat.tap.gateway.proxy.UpstreamTap;
import org.sciplat.token.core.auth.AuthenticationResult;
import org.sciplat.token.core.auth.AuthenticationResult.Authenticated;
import org.sciplat.token.core.auth.AuthenticationResult.InsufficientScope;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Refusal;
import org.sciplat.token.core.auth.Authenticator;
import org.sciplat.token.core.auth.Challenge;
import org.sciplat.token.core.auth.ClientAddress;
import org.sciplat.token.core.auth.Credentials;
import org.sciplat.token.core.auth.Requirement;
import org.sciplat.token.core.notice.ExpiryWarning;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.usage.TokenUses;

/**
 * Admits a TAP request only with a valid token holding read:tap, as token-core's {@link Authenticator} decides, and
 * makes its user the request's principal (or, in proxy mode, passes it on to the upstream TAP service with a JWT for
 * the user). A refusal carries two challenges, Bearer for token-aware clients and Basic because TOPCAT, STILTS and
 * every other java.net client only retry with credentials after a Basic one.
 */
@WebFilter(filterName = "TokenGatewayFilter", urlPatterns = "/*")
public class TokenGatewayFilter extends HttpFilter {

    public static final String REQUIRED_SCOPE = "read:tap";
    private static final long serialVersionUID = 1L;

    /** VOSI resources that clients read before they know they must authenticate. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/availability", "/capabilities");
    /** Where IVOA's authentication discovery (AuthVO) has clients probe for the challenges, with HEAD or GET. */
    private static final String PROBED_PATH = "/capabilities";
    /** AuthVO's answer to "who am I to you": on every response to an authenticated request. */
    static final String AUTHENTICATED = "X-VO-Authenticated";

    @Inject
    transient Authenticator authenticator;

    @Inject
    transient UpstreamTap upstream;

    @Inject
    transient ExpiryWarning expiryWarning;

    @Inject
    transient TokenUses uses;

    @Inject
    transient ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean open = PUBLIC_PATHS.contains(path);
        AuthenticationResult result = authenticator.authenticate(TapGate.WHERE,
                Credentials.authorization(request.getHeaders("Authorization")),
                open ? Requirement.NONE : Requirement.scope(REQUIRED_SCOPE));
        if (result instanceof Authenticated caller) {
            // behind the platform's proxy, the client it served, as the API records it
            uses.seen(caller.token(), clientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
                    "tap");
            // on a public resource, a token without the scope is as good as none
            pass(request, response, chain, Optional.of(caller.token()).filter(t -> t.hasScope(REQUIRED_SCOPE)),
                    caller.presented());
        } else if (open) {
            if (path.equals(PROBED_PATH)) {
                // a 200 with challenges: the service answers anyone here, and says how to authenticate for the rest
                Challenge challenge = new Challenge(request.getServerName());
                response.addHeader("WWW-Authenticate", challenge.bearer(new AuthenticationResult.Missing()));
                response.addHeader("WWW-Authenticate", challenge.basic());
            }
            // a public resource answers anyone; a stale token sent along must not make it refuse
            pass(request, response, chain, Optional.empty(), null);
        } else if (result instanceof Refusal refusal) {
            refuse(request, response, refusal);
        } else {
            PlainText.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Tokens cannot be verified right now; please try again in a moment");
        }
    }

    /**
     * To the embedded service, with the caller as principal, or in proxy mode to the upstream service; a token
     * about to expire has its VOTables say so.
     */
    private void pass(HttpServletRequest request, HttpServletResponse initial, FilterChain chain,
            Optional<VerifiedToken> caller, String presented) throws IOException, ServletException {
        caller.ifPresent(token -> initial.setHeader(AUTHENTICATED, token.username()));
        Instant now = Instant.now();
        HttpServletResponse response = caller.flatMap(token -> expiryWarning.dueExpiry(token, now)
                        .map(expires -> (HttpServletResponse) new ExpiryInfoResponse(initial, expires,
                                expiryWarning.textFor(token, now).orElseThrow())))
                .orElse(initial);
        if (upstream.isProxy()) {
            upstream.forward(request, response, caller, presented, response != initial);
        } else {
            chain.doFilter(caller.<HttpServletRequest>map(c -> new TapCaller(request, c)).orElse(request), response);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        Challenge challenge = new Challenge(request.getServerName());
        response.addHeader("WWW-Authenticate", challenge.bearer(refusal));
        response.setHeader("Cache-Control", "no-store");
        if (refusal instanceof InsufficientScope insufficient) {
            PlainText.send(response, HttpServletResponse.SC_FORBIDDEN, "The token does not have the "
                    + String.join(" ", insufficient.scopes()) + " scope that the TAP service requires");
            return;
        }
        response.addHeader("WWW-Authenticate", challenge.basic());
        PlainText.send(response, HttpServletResponse.SC_UNAUTHORIZED, refusal instanceof Invalid invalid
                ? invalid.reason()
                : "Authentication required: send a token as a Bearer token, or as the password of HTTP Basic"
                        + " authentication with the user name x-oauth-basic");
    }
}
