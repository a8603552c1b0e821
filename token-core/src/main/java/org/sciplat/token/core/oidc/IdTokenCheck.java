package org.sciplat.token.core.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Set;
import java.util.logging.Logger;
import org.sciplat.token.core.FederatedLoginException;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks: signed (RS256 or ES256, never "none" or a MAC) by a key
 * of the provider's JWKS, issued by the provider, for this client, not expired, and carrying the nonce of the login
 * this browser started. Any failure is the same refusal; the reason goes to the log.
 */
public class IdTokenCheck {

    private static final Logger LOG = Logger.getLogger(IdTokenCheck.class.getName());
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final String issuer;
    private final String clientId;
    private final JWKSource<SecurityContext> keys;

    public IdTokenCheck(String issuer, String clientId, JWKSource<SecurityContext> keys) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = keys;
    }

    /** The token's claims, if it passes every check for the login that sent this nonce. */
    public JWTClaimsSet claims(String idToken, String nonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            LOG.warning(() -> "An ID token was refused: " + e.getMessage());
            throw new FederatedLoginException("The identity provider's answer could not be verified", e);
        }
    }
}
