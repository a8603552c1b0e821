package org.sciplat.token.core.ingress;

import java.util.List;
import org.sciplat.token.core.auth.Credentials;

/**
 * The request a proxy asks about, as the ingress check's entry point gathered it.
 *
 * @param credentials what the request presents to prove who is calling
 * @param authorization every Authorization value, to pass on those that are not the platform's
 * @param cookies every Cookie value, to pass on the cookies but the session's
 * @param sessionCookie the name of the platform's session cookie
 * @param fromTrustedProxy whether the check was asked by a configured trusted proxy
 * @param clientAddress the real client's address, for the history of tokens minted here
 * @param realm the host the client addressed, for challenges
 * @param preflight whether the request is a CORS preflight ({@code OPTIONS} with Origin and
 *     Access-Control-Request-Method)
 */
public record IngressCall(Credentials credentials, List<String> authorization, List<String> cookies,
        String sessionCookie, boolean fromTrustedProxy, String clientAddress, String realm, boolean preflight) {

    public IngressCall {
        authorization = List.copyOf(authorization);
        cookies = List.copyOf(cookies);
    }

    /** The credentials are secrets: never in a log line. */
    @Override
    public String toString() {
        return "IngressCall[" + credentials + (fromTrustedProxy ? ", from a trusted proxy]" : "]");
    }
}
