package org.sciplat.it;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The seeded demo user, as a client acts for it: logging in, creating a user token, exchanging it for a JWT. */
public final class Astronomer {

    public static final String USERNAME = "astronomer";
    private static final String PASSWORD = "astronomer-demo";
    private static final String SESSION_COOKIE = "sciplat_session";
    private static final JsonProvider JSON = JsonProvider.provider();

    private Astronomer() {
    }

    /** A new user token with these scopes, valid until the given time (never if null). */
    public static String userToken(Instant expires, String... scopes) {
        String cookie = login();
        String csrf = Json.object(TestServer.get("/auth/api/v1/login", "Cookie", cookie).body())
                .getString("csrf");
        JsonArrayBuilder scopeList = JSON.createArrayBuilder();
        for (String scope : scopes) {
            scopeList.add(scope);
        }
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("token_name", "it-" + UUID.randomUUID())
                .add("scopes", scopeList);
        if (expires != null) {
            body.add("expires", expires.getEpochSecond());
        }
        HttpResponse<String> created = TestServer.send(request("/auth/api/v1/users/" + USERNAME + "/tokens")
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating a token failed: " + created.statusCode() + " " + created.body());
        }
        return Json.object(created.body()).getString("token");
    }

    /** A JWT for this token, all its scopes. */
    public static String jwt(String token) {
        HttpResponse<String> response = exchange(Map.of("subject_token", token));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Exchange failed: " + response.statusCode() + " " + response.body());
        }
        return Json.object(response.body()).getString("access_token");
    }

    /**
     * POST /token-exchange with a valid request's parameters, some replaced; an empty value leaves one out.
     */
    public static HttpResponse<String> exchange(Map<String, String> overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.putAll(overrides);
        form.values().removeIf(String::isEmpty);
        return postForm("/auth/api/v1/token-exchange", form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    public static HttpResponse<String> postForm(String path, String form) {
        return TestServer.send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private static String login() {
        HttpResponse<String> response = postForm("/auth/api/v1/login",
                "username=" + USERNAME + "&password=" + PASSWORD);
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No session cookie: " + response.statusCode()));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path)).timeout(Duration.ofSeconds(30));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
