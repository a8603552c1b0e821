package org.sciplat.token.core.oidc;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.sciplat.token.core.FederatedLoginException;
import org.sciplat.token.core.ldap.LdapDirectory;
import org.sciplat.token.core.user.UserProfile;

/**
 * The OpenID Connect provider, as this platform's client there: the authorization code flow with PKCE (S256), state
 * and nonce; the provider's endpoints and keys from its discovery document (fetched once, again after a failure);
 * the code exchanged with the client secret (client_secret_basic); and RP-initiated logout where the provider
 * offers it.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    OidcSettings settings;

    @Inject
    LdapDirectory ldap;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Discovered discovered;

    /** A login to start: where to send the browser, and what to keep for its answer. */
    public AuthorizationRequest begin(URI redirectUri) {
        Discovered provider = discovered();
        String state = random();
        String nonce = random();
        String verifier = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", String.join(" ", settings.scopes()));
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return new AuthorizationRequest(withQuery(provider.authorization(), query), state, nonce, verifier,
                redirectUri);
    }

    /**
     * The login's answer, once its code is exchanged and the ID token checked: who the user is, by the claims and,
     * where configured, LDAP. The
     * caller has matched the state already, and taken the request out of the session so that it cannot be answered
     * twice.
     */
    public ProviderLogin complete(AuthorizationRequest request, String code) {
        if (code == null || code.isBlank()) {
            throw new FederatedLoginException("The identity provider sent no authorization code");
        }
        Discovered provider = discovered();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", request.redirectUri().toString());
        form.put("code_verifier", request.codeVerifier());
        String basic = Base64.getEncoder().encodeToString((encode(settings.clientId()) + ":"
                + encode(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest post = HttpRequest.newBuilder(provider.token()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)))
                .build();
        JsonObject answer;
        try {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // the provider's error code only: its description may quote what was sent
                LOG.warning(() -> "The identity provider refused the authorization code: HTTP "
                        + response.statusCode() + " " + errorCode(response.body()));
                throw new FederatedLoginException("The identity provider refused the login");
            }
            answer = json(response.body());
        } catch (IOException e) {
            throw new FederatedLoginException("The identity provider cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FederatedLoginException("The login was interrupted", e);
        }
        JsonValue idToken = answer.get("id_token");
        if (!(idToken instanceof JsonString token)) {
            throw new FederatedLoginException("The identity provider sent no ID token");
        }
        JWTClaimsSet claims = provider.check().claims(token.getString(), request.nonce());
        return new ProviderLogin(ldap.describe(ClaimsProfile.of(claims, settings)), token.getString());
    }

    /** Where to send the browser to end its session at the provider too, if the provider offers that. */
    public Optional<URI> logoutLocation(String idTokenHint, URI afterLogout) {
        return discovered().endSession().map(endSession -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", settings.clientId());
            if (idTokenHint != null) {
                query.put("id_token_hint", idTokenHint);
            }
            query.put("post_logout_redirect_uri", afterLogout.toString());
            return withQuery(endSession, query);
        });
    }

    private Discovered discovered() {
        Discovered known = discovered;
        if (known == null) {
            known = discover();
            discovered = known;
        }
        return known;
    }

    private Discovered discover() {
        String issuer = settings.issuer().toString();
        URI document = URI.create((issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(TIMEOUT)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new FederatedLoginException("The identity provider's discovery document answered HTTP "
                        + response.statusCode());
            }
            JsonObject json = json(response.body());
            // OpenID Connect Discovery 4.3: the document is the issuer's own, or none of it is trusted
            if (!issuer.equals(json.getString("issuer", null))) {
                throw new FederatedLoginException("The identity provider's discovery document names another issuer");
            }
            URI jwks = URI.create(json.getString("jwks_uri"));
            return new Discovered(URI.create(json.getString("authorization_endpoint")),
                    URI.create(json.getString("token_endpoint")),
                    Optional.ofNullable(json.getString("end_session_endpoint", null)).map(URI::create),
                    new IdTokenCheck(issuer, settings.clientId(),
                            JWKSourceBuilder.<SecurityContext>create(jwks.toURL()).retrying(true).build()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof FederatedLoginException refusal) {
                throw refusal;
            }
            throw new FederatedLoginException("The identity provider cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FederatedLoginException("The login was interrupted", e);
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String errorCode(String body) {
        try {
            String error = json(body).getString("error", "");
            return error.matches("[a-z_]{1,64}") ? error : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static URI withQuery(URI endpoint, Map<String, String> query) {
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(endpoint + separator + formEncoded(query));
    }

    private static String formEncoded(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The provider's endpoints and the check of its ID tokens, from its discovery document. */
    private record Discovered(URI authorization, URI token, Optional<URI> endSession, IdTokenCheck check) {
    }

    /** Who a completed login is, from the ID token's checked claims, and the token itself as a logout hint. */
    public record ProviderLogin(UserProfile profile, String idToken) {
    }
}
