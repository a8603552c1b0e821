package org.sciplat.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sciplat.it.WebForm;

/**
 * The Keycloak the build starts (ear/pom.xml) with the realm of src/test/keycloak, and a browser-like client that
 * logs in through its login page over HTTP, for the tests that need to see each answer of the flow.
 */
final class Keycloak {

    static final String URL = System.getProperty("it.keycloak.url", "http://localhost:9491");
    static final String REALM = URL + "/realms/sciplat";
    private static final Duration START = Duration.ofMinutes(4);

    private Keycloak() {
    }

    /** Waits, a bounded time, for Keycloak to answer with the realm: it starts beside the Liberty servers. */
    static void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(REALM + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new AssertionError("Keycloak did not start within " + START + ": see target/keycloak/keycloak.log");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client that keeps cookies and follows no redirect. Keycloak's cookies are Secure, which a browser sends to
     * http://localhost too (a secure context) and Java's cookie store only over https: this one treats loopback as
     * a browser does.
     */
    static HttpClient client() {
        CookieManager cookies = new CookieManager();
        CookieHandler loopbackIsSecure = new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return cookies.get(secure(uri), headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                cookies.put(secure(uri), headers);
            }

            private URI secure(URI uri) {
                return "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost())
                        ? URI.create("https" + uri.toString().substring(4)) : uri;
            }
        };
        return HttpClient.newBuilder()
                .cookieHandler(loopbackIsSecure)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(WebForm.trustingTheServersSelfSignedCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static HttpResponse<String> get(HttpClient client, String url) {
        return WebForm.send(client, HttpRequest.newBuilder(URI.create(url)).build());
    }

    static String location(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 3, "a redirect, not " + response.statusCode() + ": "
                + response.body());
        return response.headers().firstValue("Location").map(l -> URI.create(response.uri().toString()).resolve(l)
                .toString()).orElseThrow();
    }

    /**
     * Starts a login at the platform and submits Keycloak's login form: the redirect Keycloak answers with, to the
     * platform's callback (with code and state), not yet followed.
     */
    static String callbackAfterLogin(HttpClient client, String username, String password) {
        String authorization = location(get(client, WebForm.HTTPS_URL + "/oidc/login"));
        assertTrue(authorization.startsWith(REALM + "/protocol/openid-connect/auth?"), authorization);
        assertTrue(authorization.contains("code_challenge_method=S256"), authorization);
        HttpResponse<String> page = get(client, authorization);
        assertEquals(200, page.statusCode(), page.body());
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), "Keycloak's login form");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
        HttpResponse<String> answer = WebForm.send(client, HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String callback = location(answer);
        assertTrue(callback.startsWith(WebForm.HTTPS_URL + "/oidc/callback?"), callback);
        return callback;
    }

    /** Whether Keycloak still holds a login session for this client's cookies: its auth page then answers at once. */
    static Optional<String> silentLogin(HttpClient client) {
        String authorization = location(get(client, WebForm.HTTPS_URL + "/oidc/login"));
        HttpResponse<String> answer = get(client, authorization);
        return answer.statusCode() == 302 ? Optional.of(location(answer)) : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
