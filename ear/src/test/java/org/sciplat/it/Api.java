package org.sciplat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The token API as its clients use it, for the integration tests. Remembers every token it is handed. */
public final class Api {

    public static final String BASE = TestServer.BASE_URL + "/auth/api/v1";

    private static final Set<String> SEEN_TOKENS = ConcurrentHashMap.newKeySet();

    private Api() {
    }

    /** A logged-in browser session: the cookie header and its CSRF value. */
    public record Session(String username, String cookie, String csrf) {

        public String token() {
            return cookie.substring(cookie.indexOf('=') + 1);
        }
    }

    public static Session login(String username, String password) {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(URI.create(BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username)
                        + "&password=" + encode(password)))
                .build());
        assertEquals(200, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Session session = new Session(username, cookie, Json.object(response.body()).getString("csrf"));
        SEEN_TOKENS.add(session.token());
        return session;
    }

    /** Creates a user token through the session, as the web UI's user would; returns the token. */
    public static String createToken(Session session, String name, Collection<String> scopes, Long expires) {
        HttpResponse<String> response = send("POST", "/users/" + session.username() + "/tokens", session,
                tokenRequest(name, scopes, expires));
        assertEquals(201, response.statusCode(), response.body());
        return remember(Json.object(response.body()).getString("token"));
    }

    public static String tokenRequest(String name, Collection<String> scopes, Long expires) {
        JsonArrayBuilder scopeArray = JsonProvider.provider().createArrayBuilder();
        scopes.forEach(scopeArray::add);
        JsonObjectBuilder body = JsonProvider.provider().createObjectBuilder().add("token_name", name).add("scopes", scopeArray);
        if (expires == null) {
            body.addNull("expires");
        } else {
            body.add("expires", expires);
        }
        return body.build().toString();
    }

    public static String remember(String token) {
        SEEN_TOKENS.add(token);
        return token;
    }

    /** Every token the tests were handed, so that nothing of them may later appear in a log or a dump. */
    public static Set<String> seenTokens() {
        return Set.copyOf(SEEN_TOKENS);
    }

    public static String key(String token) {
        return token.substring(3, 25);
    }

    public static HttpResponse<String> send(String method, String path, String authorization, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestServer.send(withBody(request, method, jsonBody).build());
    }

    /** A request authenticated by the session cookie, with its CSRF header as a browser front end sends it. */
    public static HttpResponse<String> send(String method, String path, Session session, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrf());
        return TestServer.send(withBody(request, method, jsonBody).build());
    }

    /** A path under the API, or an absolute URL such as one from a Link header. */
    private static URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : BASE + path);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** An HTTP Basic Authorization header, as TOPCAT and STILTS send a token (in either half). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String jsonBody) {
        if (jsonBody == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
