package org.sciplat.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The seeded demo user, as a client acts for it: logging in, creating a user token, exchanging it for a JWT. */
public final class Astronomer {

    public static final String USERNAME = "astronomer";
    public static final String PASSWORD = "astronomer-demo";

    private Astronomer() {
    }

    /** A new user token with these scopes, valid until the given time (never if null). */
    public static String userToken(Instant expires, String... scopes) {
        return Api.createToken(Api.login(USERNAME, PASSWORD), "it-" + UUID.randomUUID(), List.of(scopes),
                expires == null ? null : expires.getEpochSecond());
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

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path)).timeout(Duration.ofSeconds(30));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
