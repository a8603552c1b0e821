package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;
import org.sciplat.it.WellFormed;

/**
 * One table of credential cases, sent to the three ways in (the JSON API, the TAP gateway and the ingress check):
 * each answers every case with the same status and the same {@code error} in its Bearer challenge, since one
 * authenticator decides for all three. The API route is one that needs a scope (listing one's tokens needs
 * user:token), so that a token without it is refused there as at the other two; the API says so in its body
 * ({@code permission_denied}, as for every rule of a route), the others in a challenge.
 */
class SameCredentialsSameAnswerIT {

    enum Credential {
        NONE, MALFORMED, TWO_HEADERS, BOTH_BASIC_HALVES_TOKENS, BASIC_WITHOUT_TOKEN, WRONG_SECRET, EXPIRED, REVOKED,
        MISSING_SCOPE, BEARER, BASIC_PASSWORD, BASIC_USER
    }

    enum EntryPoint {
        API("/auth/api/v1/users/" + Astronomer.USERNAME + "/tokens"),
        TAP("/api/tap/tables?detail=min"),
        INGRESS("/auth/ingress/auth?scope=read:tap");

        final String path;

        EntryPoint(String path) {
            this.path = path;
        }
    }

    /** A status and the {@code error} of the Bearer challenge; none for a missing credential or a success. */
    private record Expected(int status, String error) {
    }

    private static final Map<Credential, Expected> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(Credential.NONE, new Expected(401, null)),
            Map.entry(Credential.MALFORMED, invalid()),
            Map.entry(Credential.TWO_HEADERS, invalid()),
            Map.entry(Credential.BOTH_BASIC_HALVES_TOKENS, invalid()),
            Map.entry(Credential.BASIC_WITHOUT_TOKEN, invalid()),
            Map.entry(Credential.WRONG_SECRET, invalid()),
            Map.entry(Credential.EXPIRED, invalid()),
            Map.entry(Credential.REVOKED, invalid()),
            Map.entry(Credential.MISSING_SCOPE, new Expected(403, "insufficient_scope")),
            Map.entry(Credential.BEARER, new Expected(200, null)),
            Map.entry(Credential.BASIC_PASSWORD, new Expected(200, null)),
            Map.entry(Credential.BASIC_USER, new Expected(200, null))));

    private static final Pattern ERROR = Pattern.compile("error=\"([^\"]*)\"");
    private static final Map<Credential, List<String>> AUTHORIZATION = new EnumMap<>(Credential.class);

    @BeforeAll
    static void credentials() throws Exception {
        TapService.awaitAvailable();
        Api.Session session = Api.login(Astronomer.USERNAME, "astronomer-demo");
        String valid = Api.createToken(session, unique("valid"), List.of("read:tap", "user:token"), null);
        String wrongSecret = WellFormed.wrongSecret(valid, "A".repeat(16));
        String narrow = Api.createToken(session, unique("narrow"), List.of("read:image"), null);
        String expired = Api.createToken(session, unique("expired"), List.of("read:tap", "user:token"), null);
        TestDatabase.expire(Api.key(expired));
        String revoked = Api.createToken(session, unique("revoked"), List.of("read:tap", "user:token"), null);
        assertEquals(204, Api.send("DELETE", "/users/" + Astronomer.USERNAME + "/tokens/" + Api.key(revoked),
                session, null).statusCode());

        AUTHORIZATION.put(Credential.NONE, List.of());
        AUTHORIZATION.put(Credential.MALFORMED, List.of("Bearer gt-not-a-token"));
        AUTHORIZATION.put(Credential.TWO_HEADERS, List.of(Api.bearer(valid), Api.basic("x-oauth-basic", valid)));
        AUTHORIZATION.put(Credential.BOTH_BASIC_HALVES_TOKENS, List.of(Api.basic(valid, wrongSecret)));
        AUTHORIZATION.put(Credential.BASIC_WITHOUT_TOKEN, List.of(Api.basic(Astronomer.USERNAME, "astronomer-demo")));
        AUTHORIZATION.put(Credential.WRONG_SECRET, List.of(Api.bearer(wrongSecret)));
        AUTHORIZATION.put(Credential.EXPIRED, List.of(Api.bearer(expired)));
        AUTHORIZATION.put(Credential.REVOKED, List.of(Api.bearer(revoked)));
        AUTHORIZATION.put(Credential.MISSING_SCOPE, List.of(Api.bearer(narrow)));
        AUTHORIZATION.put(Credential.BEARER, List.of(Api.bearer(valid)));
        AUTHORIZATION.put(Credential.BASIC_PASSWORD, List.of(Api.basic("x-oauth-basic", valid)));
        AUTHORIZATION.put(Credential.BASIC_USER, List.of(Api.basic(valid, "x-oauth-basic")));
    }

    @TestFactory
    Stream<DynamicTest> everyEntryPointAnswersEveryCredentialAlike() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Credential credential : Credential.values()) {
            for (EntryPoint entryPoint : EntryPoint.values()) {
                tests.add(DynamicTest.dynamicTest(credential + " at " + entryPoint,
                        () -> assertAnswer(entryPoint, EXPECTED.get(credential), send(entryPoint, credential))));
            }
        }
        return tests.stream();
    }

    private static void assertAnswer(EntryPoint entryPoint, Expected expected, HttpResponse<String> response) {
        assertEquals(expected.status(), response.statusCode(), response.body());
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        if (expected.status() == 200) {
            assertTrue(challenges.isEmpty(), challenges.toString());
            return;
        }
        if (entryPoint == EntryPoint.API && expected.status() == 403) {
            assertEquals("permission_denied", type(response), response.body());
            return;
        }
        String bearer = challenges.stream().filter(c -> c.startsWith("Bearer realm=\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no Bearer challenge: " + challenges));
        assertEquals(Optional.ofNullable(expected.error()), error(bearer), bearer);
        if (entryPoint == EntryPoint.TAP && expected.status() == 401) {
            assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic realm=\"")), challenges.toString());
        }
        if (entryPoint != EntryPoint.TAP && expected.status() == 401) {
            assertEquals(expected.error() == null ? "not_authenticated" : expected.error(), type(response),
                    response.body());
        }
    }

    private static HttpResponse<String> send(EntryPoint entryPoint, Credential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + entryPoint.path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        // one header line each, as two clients' credentials would arrive, not one value joined by a comma
        AUTHORIZATION.get(credential).forEach(value -> request.header("Authorization", value));
        return TestServer.send(request.build());
    }

    private static Optional<String> error(String challenge) {
        Matcher error = ERROR.matcher(challenge);
        return error.find() ? Optional.of(error.group(1)) : Optional.empty();
    }

    private static String type(HttpResponse<String> response) {
        return Json.object(response.body()).getJsonArray("detail").getJsonObject(0).getString("type");
    }

    private static Expected invalid() {
        return new Expected(401, "invalid_token");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
