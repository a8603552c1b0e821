package org.sciplat.token.core.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How users log in, from MicroProfile Config: with the built-in directory's passwords ({@code sciplat.login=directory},
 * the default) or through an OpenID Connect provider ({@code sciplat.login=oidc}), with the provider's issuer URL,
 * this platform's client id and secret there, and which claims name the user, their name, email, ids and groups.
 */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "sciplat.login", defaultValue = "directory")
    String login;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.issuer")
    Optional<URI> issuer;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.client-id")
    Optional<String> clientId;

    /** From the environment (SCIPLAT_OIDC_CLIENT_SECRET) in a deployment, never from a file in the repository. */
    @Inject
    @ConfigProperty(name = "sciplat.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.scopes", defaultValue = "openid,profile,email")
    List<String> scopes;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.claim.username", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.claim.name", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.claim.email", defaultValue = "email")
    String emailClaim;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.claim.uid", defaultValue = "uid_number")
    String uidClaim;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.claim.gid", defaultValue = "gid_number")
    String gidClaim;

    @Inject
    @ConfigProperty(name = "sciplat.oidc.claim.groups", defaultValue = "groups")
    String groupsClaim;

    /**
     * The callback URL registered at the provider, where the platform's public URL is not what the server sees
     * (behind a proxy that does not forward the host and scheme); unset, the URL the browser reached.
     */
    @Inject
    @ConfigProperty(name = "sciplat.oidc.redirect-uri")
    Optional<URI> redirectUri;

    /** Where a user the provider knows but the platform does not is sent; unset, a page of ours says why. */
    @Inject
    @ConfigProperty(name = "sciplat.oidc.enrollment-url")
    Optional<URI> enrollmentUrl;

    public boolean enabled() {
        return switch (login) {
            case "directory" -> false;
            case "oidc" -> true;
            default -> throw new IllegalStateException("sciplat.login is directory or oidc, not " + login);
        };
    }

    public URI issuer() {
        return issuer.orElseThrow(() -> new IllegalStateException("sciplat.login=oidc needs sciplat.oidc.issuer"));
    }

    public String clientId() {
        return clientId.orElseThrow(() -> new IllegalStateException("sciplat.login=oidc needs sciplat.oidc.client-id"));
    }

    public String clientSecret() {
        return clientSecret.orElseThrow(() -> new IllegalStateException(
                "sciplat.login=oidc needs sciplat.oidc.client-secret (environment variable SCIPLAT_OIDC_CLIENT_SECRET)"));
    }

    public List<String> scopes() {
        return scopes;
    }

    public String usernameClaim() {
        return usernameClaim;
    }

    public String nameClaim() {
        return nameClaim;
    }

    public String emailClaim() {
        return emailClaim;
    }

    public String uidClaim() {
        return uidClaim;
    }

    public String gidClaim() {
        return gidClaim;
    }

    public String groupsClaim() {
        return groupsClaim;
    }

    public Optional<URI> redirectUri() {
        return redirectUri;
    }

    public Optional<URI> enrollmentUrl() {
        return enrollmentUrl;
    }
}
