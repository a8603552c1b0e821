package org.sciplat.tap.gateway.auth;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.sciplat.tap.gateway.PlainText;
import org.sciplat.tap.gateway.proxy.UpstreamTap;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.token.AuthorizationHeader;
import org.sciplat.token.core.token.TokenVerifier;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * Admits a TAP request only with a valid token holding read:tap, and makes its user the request's principal (or, in
 * proxy mode, passes it on to the upstream TAP service with a JWT for the user).
 * Verification goes through token-core's cache: the twenty identical retries a java.net client makes with a wrong
 * password cost one database look-up, and a revocation is seen at once.
 */
@WebFilter(filterName = "TokenGatewayFilter", urlPatterns = "/*")
public class TokenGatewayFilter extends HttpFilter {

    public static final String REQUIRED_SCOPE = "read:tap";
    private static final long serialVersionUID = 1L;

    /** VOSI resources that clients read before they know they must authenticate. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/availability", "/capabilities");

    @Inject
    transient TokenVerifier verifier;

    @Inject
    transient UpstreamTap upstream;

    @Inject
    transient Authentications authentications;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean open = PUBLIC_PATHS.contains(path);
        Challenge challenge = new Challenge(request.getServerName());
        Optional<String> presented;
        Optional<VerifiedToken> caller;
        try {
            presented = AuthorizationHeader.token(request.getHeader("Authorization"));
            caller = presented.map(verifier::verify);
        } catch (InvalidTokenException e) {
            authentications.record(Where.TAP, Result.INVALID_TOKEN);
            // a public resource answers anyone; a stale token sent along must not make it refuse
            if (open) {
                pass(request, response, chain, Optional.empty(), null);
            } else {
                challenge.invalidToken(response);
            }
            return;
        } catch (TokenServiceException e) {
            authentications.record(Where.TAP, Result.UNAVAILABLE);
            if (open) {
                pass(request, response, chain, Optional.empty(), null);
            } else {
                PlainText.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "Tokens cannot be verified right now; please try again in a moment");
            }
            return;
        }
        if (caller.isEmpty()) {
            if (open) {
                pass(request, response, chain, Optional.empty(), null);
            } else {
                authentications.record(Where.TAP, Result.MISSING);
                challenge.missingCredentials(response);
            }
            return;
        }
        if (!open && !caller.get().hasScope(REQUIRED_SCOPE)) {
            authentications.record(Where.TAP, Result.INSUFFICIENT_SCOPE);
            challenge.insufficientScope(response, REQUIRED_SCOPE);
            return;
        }
        authentications.record(Where.TAP, Result.SUCCESS);
        // on a public resource, a token without the scope is as good as none
        pass(request, response, chain, caller.filter(c -> c.hasScope(REQUIRED_SCOPE)), presented.get());
    }

    /** To the embedded service, with the caller as principal, or in proxy mode to the upstream service. */
    private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            Optional<VerifiedToken> caller, String presented) throws IOException, ServletException {
        if (upstream.isProxy()) {
            upstream.forward(request, response, caller, presented);
        } else {
            chain.doFilter(caller.<HttpServletRequest>map(c -> new TapCaller(request, c)).orElse(request), response);
        }
    }
}
