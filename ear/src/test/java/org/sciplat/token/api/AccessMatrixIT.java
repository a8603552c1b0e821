package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.WellFormed;

/**
 * Every route against every kind of caller, with the exact status and error type: no credential, a malformed
 * token, a wrong secret, an expired token, a revoked token, another user, a token without the needed scope, an
 * administrator, the bootstrap token, and the owner as the control. The resources belong to "astronomer".
 */
class AccessMatrixIT {

    enum Caller { NONE, MALFORMED, WRONG_SECRET, EXPIRED, REVOKED, OTHER_USER, MISSING_SCOPE, ADMIN, BOOTSTRAP, OWNER }

    private static final String OWNER = "astronomer";
    private static final Map<Caller, String> AUTHORIZATION = new EnumMap<>(Caller.class);
    private static Api.Session ownerSession;

    @BeforeAll
    static void callers() throws Exception {
        ownerSession = Api.login(OWNER, "astronomer-demo");
        String owner = Api.createToken(ownerSession, unique("owner"), List.of("read:tap", "user:token"), null);
        String narrow = Api.createToken(ownerSession, unique("narrow"), List.of("read:tap"), null);
        String revoked = Api.createToken(ownerSession, unique("revoked"), List.of("read:tap", "user:token"), null);
        assertEquals(204, Api.send("DELETE", "/users/" + OWNER + "/tokens/" + Api.key(revoked), ownerSession, null)
                .statusCode());
        String expired = Api.createToken(ownerSession, unique("expired"), List.of("read:tap", "user:token"), null);
        TestDatabase.expire(Api.key(expired));

        Api.Session observer = Api.login("observer", "observer-demo");
        String other = Api.createToken(observer, unique("other"), List.of("read:tap", "user:token"), null);
        Api.Session adminSession = Api.login("admin", "admin-demo");
        String admin = Api.createToken(adminSession, unique("admin"),
                List.of("admin:token", "read:tap", "user:token"), null);

        AUTHORIZATION.put(Caller.MALFORMED, "Bearer gt-not-a-token");
        AUTHORIZATION.put(Caller.WRONG_SECRET, Api.bearer(WellFormed.wrongSecret(owner, "AAAAAAAAAAAAAAAA")));
        AUTHORIZATION.put(Caller.EXPIRED, Api.bearer(expired));
        AUTHORIZATION.put(Caller.REVOKED, Api.bearer(revoked));
        AUTHORIZATION.put(Caller.OTHER_USER, Api.bearer(other));
        AUTHORIZATION.put(Caller.MISSING_SCOPE, Api.bearer(narrow));
        AUTHORIZATION.put(Caller.ADMIN, Api.bearer(admin));
        AUTHORIZATION.put(Caller.BOOTSTRAP, Api.bearer(System.getProperty("it.bootstrap.token")));
        AUTHORIZATION.put(Caller.OWNER, Api.bearer(owner));
    }

    /** What a route must answer to each caller: a status, and for errors the type in the JSON body. */
    private record Route(String name, String method, Supplier<String> path, Supplier<String> body,
            Map<Caller, Expected> expected) {
    }

    private record Expected(int status, String type) {
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAgainstEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes()) {
            for (Caller caller : Caller.values()) {
                Expected expected = route.expected().get(caller);
                tests.add(DynamicTest.dynamicTest(route.name() + " as " + caller, () -> {
                    HttpResponse<String> response = Api.send(route.method(), route.path().get(),
                            AUTHORIZATION.get(caller), route.body().get());
                    assertEquals(expected.status(), response.statusCode(), response.body());
                    if (expected.type() != null) {
                        JsonObject detail = Json.object(response.body()).getJsonArray("detail").getJsonObject(0);
                        assertEquals(expected.type(), detail.getString("type"), response.body());
                    }
                    if (expected.status() == 401) {
                        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "),
                                "a 401 names the scheme to use");
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static List<Route> routes() {
        String ownerTokens = "/users/" + OWNER + "/tokens";
        Supplier<String> none = () -> null;
        Supplier<String> newTokenBody = () -> Api.tokenRequest(unique("matrix"), List.of("read:tap"), null);
        return List.of(
                route("GET /login", "GET", () -> "/login", none,
                        Map.of(Caller.OTHER_USER, session(), Caller.MISSING_SCOPE, session(), Caller.ADMIN, session(),
                                Caller.BOOTSTRAP, session(), Caller.OWNER, session())),
                route("GET /token-info", "GET", () -> "/token-info", none,
                        Map.of(Caller.OTHER_USER, ok(), Caller.MISSING_SCOPE, ok(), Caller.ADMIN, ok(),
                                Caller.BOOTSTRAP, denied(), Caller.OWNER, ok())),
                route("GET /user-info", "GET", () -> "/user-info", none,
                        Map.of(Caller.OTHER_USER, ok(), Caller.MISSING_SCOPE, ok(), Caller.ADMIN, ok(),
                                Caller.BOOTSTRAP, denied(), Caller.OWNER, ok())),
                route("GET tokens", "GET", () -> ownerTokens, none, adminOrOwner(ok(), ok(), ok())),
                route("POST tokens", "POST", () -> ownerTokens, newTokenBody,
                        adminOrOwner(denied(), denied(), new Expected(201, null))),
                route("GET token", "GET", () -> ownerTokens + "/" + targetKey(), none, adminOrOwner(ok(), ok(), ok())),
                route("GET unknown token", "GET", () -> ownerTokens + "/AAAAAAAAAAAAAAAAAAAAAA", none,
                        adminOrOwner(notFound(), notFound(), notFound())),
                route("GET another user's token under this user", "GET",
                        () -> ownerTokens + "/" + Api.key(AUTHORIZATION.get(Caller.OTHER_USER).substring(7)), none,
                        adminOrOwner(notFound(), notFound(), notFound())),
                route("PATCH token", "PATCH", () -> ownerTokens + "/" + targetKey(),
                        () -> "{\"token_name\": \"" + unique("renamed") + "\"}",
                        adminOrOwner(ok(), ok(), denied())),
                route("DELETE token", "DELETE", () -> ownerTokens + "/" + targetKey(), none,
                        adminOrOwner(new Expected(204, null), new Expected(204, null), new Expected(204, null))),
                route("GET token change history", "GET", () -> ownerTokens + "/" + targetKey() + "/change-history",
                        none, adminOrOwner(ok(), ok(), ok())),
                route("GET user change history", "GET", () -> "/users/" + OWNER + "/token-change-history", none,
                        adminOrOwner(ok(), ok(), ok())),
                route("GET all change history", "GET", () -> "/history/token-changes", none,
                        adminOrOwner(ok(), ok(), denied())),
                route("POST /tokens (admin)", "POST", () -> "/tokens",
                        () -> "{\"username\": \"" + OWNER + "\", \"token_type\": \"user\", \"token_name\": \""
                                + unique("by-admin") + "\", \"scopes\": [\"read:tap\"]}",
                        adminOrOwner(new Expected(201, null), new Expected(201, null), denied())),
                route("POST rotate", "POST", () -> ownerTokens + "/" + targetKey() + "/rotate", none,
                        adminOrOwner(ok(), denied(), ok())),
                route("POST rotate unknown token", "POST", () -> ownerTokens + "/AAAAAAAAAAAAAAAAAAAAAA/rotate", none,
                        adminOrOwner(notFound(), denied(), notFound())),
                route("GET token uses", "GET", () -> ownerTokens + "/" + targetKey() + "/uses", none,
                        adminOrOwner(ok(), ok(), ok())),
                route("GET uses of unknown token", "GET", () -> ownerTokens + "/AAAAAAAAAAAAAAAAAAAAAA/uses", none,
                        adminOrOwner(notFound(), notFound(), notFound())),
                route("GET inactive tokens", "GET", () -> "/users/" + OWNER + "/inactive-tokens", none,
                        adminOrOwner(ok(), ok(), ok())),
                route("GET /quota-overrides", "GET", () -> "/quota-overrides", none, adminOnly(ok())),
                route("GET own quota override (none)", "GET", () -> "/quota-overrides/" + OWNER, none,
                        Map.of(Caller.OTHER_USER, denied(), Caller.MISSING_SCOPE, notFound(), Caller.ADMIN,
                                notFound(), Caller.BOOTSTRAP, notFound(), Caller.OWNER, notFound())),
                route("PUT quota override", "PUT", () -> "/quota-overrides/bot-matrix-quota",
                        () -> "{\"api\": {\"matrix\": 1}}", adminOnly(ok())),
                route("DELETE quota override (none)", "DELETE", () -> "/quota-overrides/bot-matrix-none", none,
                        adminOnly(notFound())),
                route("GET quota override history (none)", "GET", () -> "/quota-overrides/bot-matrix-none/history",
                        none, adminOnly(notFound())),
                route("POST /notebook-token", "POST", () -> "/notebook-token", () -> "{}", onlySessions()),
                route("POST /internal-token", "POST", () -> "/internal-token",
                        () -> "{\"service\": \"portal\", \"scopes\": [\"read:tap\"]}", onlySessions()),
                route("POST /logout", "POST", () -> "/logout", none,
                        Map.of(Caller.OTHER_USER, notASession(), Caller.MISSING_SCOPE, notASession(),
                                Caller.ADMIN, notASession(), Caller.BOOTSTRAP, notASession(),
                                Caller.OWNER, notASession())),
                route("GET /auth/ingress/auth (user:token)", "GET",
                        () -> Api.BASE.replace("/api/v1", "/ingress/auth?scope=user:token"), none,
                        Map.of(Caller.OTHER_USER, ok(), Caller.MISSING_SCOPE, new Expected(403, null),
                                Caller.ADMIN, ok(), Caller.BOOTSTRAP, new Expected(403, null), Caller.OWNER, ok())));
    }

    /** The anchor's rule for a user's token routes: the owner with user:token, or anyone with admin:token. */
    private static Map<Caller, Expected> adminOrOwner(Expected admin, Expected bootstrap, Expected owner) {
        return Map.of(Caller.OTHER_USER, denied(), Caller.MISSING_SCOPE, denied(), Caller.ADMIN, admin,
                Caller.BOOTSTRAP, bootstrap, Caller.OWNER, owner);
    }

    /** Fills in the rows every route shares: without a valid token, a 401 that says why. */
    private static Route route(String name, String method, Supplier<String> path, Supplier<String> body,
            Map<Caller, Expected> valid) {
        Map<Caller, Expected> expected = new EnumMap<>(valid);
        expected.put(Caller.NONE, new Expected(401, "not_authenticated"));
        for (Caller invalid : List.of(Caller.MALFORMED, Caller.WRONG_SECRET, Caller.EXPIRED, Caller.REVOKED)) {
            expected.put(invalid, new Expected(401, "invalid_token"));
        }
        return new Route(name, method, path, body, expected);
    }

    /** A fresh token of the owner's for each request, since some requests consume it. */
    private static String targetKey() {
        return Api.key(Api.createToken(ownerSession, unique("target"), List.of("read:tap"), null));
    }

    /** Routes for administrators, the bootstrap token among them. */
    private static Map<Caller, Expected> adminOnly(Expected admin) {
        return Map.of(Caller.OTHER_USER, denied(), Caller.MISSING_SCOPE, denied(), Caller.ADMIN, admin,
                Caller.BOOTSTRAP, admin, Caller.OWNER, denied());
    }

    /** Delegation is from a login session; every caller here holds a user or service token. */
    private static Map<Caller, Expected> onlySessions() {
        return Map.of(Caller.OTHER_USER, denied(), Caller.MISSING_SCOPE, denied(), Caller.ADMIN, denied(),
                Caller.BOOTSTRAP, denied(), Caller.OWNER, denied());
    }

    private static Expected notASession() {
        return new Expected(422, "not_a_session");
    }

    private static Expected ok() {
        return new Expected(200, null);
    }

    private static Expected denied() {
        return new Expected(403, "permission_denied");
    }

    private static Expected notFound() {
        return new Expected(404, "not_found");
    }

    /** GET /login is for the browser's cookie only; a header token is no session. */
    private static Expected session() {
        return new Expected(401, "not_authenticated");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
