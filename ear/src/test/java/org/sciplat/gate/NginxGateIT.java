package org.sciplat.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.RawHttp;
import org.sciplat.it.RawHttp.Answer;
import org.sciplat.it.TestServer;

/**
 * The repository's nginx configuration (deploy/nginx) run by Debian's nginx in front of the test server, with a
 * service of the test's own behind it that answers with the headers it received: what a client gets from the gate
 * and what the service learns, for every parameter of the ingress check.
 *
 * <p>The test server trusts 127.0.0.1 as a proxy (src/test/liberty/jvm.options), which is where nginx connects
 * from; a client whose requests must not look like the proxy's connects from 127.0.0.3 or 127.0.0.5.
 */
class NginxGateIT {

    private static final int NGINX_PORT = Integer.getInteger("it.nginx.port", 9586);
    private static final int ECHO_PORT = Integer.getInteger("it.nginx.upstream.port", 9587);
    private static final URI GATE = URI.create("http://127.0.0.1:" + NGINX_PORT);
    private static final URI SERVER = URI.create("http://127.0.0.1:" + URI.create(TestServer.BASE_URL).getPort());
    private static final String CLIENT_ADDRESS = "127.0.0.5";
    /** The deployed site's ports (deploy/nginx/sciplat.conf): the redirect to https, and https. */
    private static final int REDIRECT_PORT = Integer.getInteger("it.nginx.redirect.port", 9588);
    private static final int TLS_PORT = Integer.getInteger("it.nginx.tls.port", 9589);

    private static EchoService echo;
    private static Nginx nginx;

    @BeforeAll
    static void startGate() throws IOException, InterruptedException {
        echo = EchoService.start(ECHO_PORT, 4);
        Path prefix = Path.of("target/nginx-it");
        Path tls = Files.createDirectories(prefix.resolve("tls"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", tls.resolve("key.pem").toString(),
                "-out", tls.resolve("cert.pem").toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor(), "a self-signed certificate for the TLS server");
        // the deployed site as it is, but for its addresses and certificate, and with the tests' locations added
        String site = Files.readString(Nginx.DEPLOY_DIR.resolve("sciplat.conf"))
                .replace("server 127.0.0.1:9080;", "server " + SERVER.getAuthority() + ";")
                .replace("server 127.0.0.1:8081;", "server 127.0.0.1:" + ECHO_PORT + ";")
                .replace("server 127.0.0.1:8082;", "server 127.0.0.1:" + ECHO_PORT + ";")
                .replaceAll("(?m)^ *listen \\[::\\].*$", "")
                .replace("listen 80;", "listen 127.0.0.1:" + REDIRECT_PORT + ";")
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + TLS_PORT + " ssl http2;")
                .replace("/etc/ssl/certs/platform.example.org.pem", tls.toAbsolutePath().resolve("cert.pem").toString())
                .replace("/etc/ssl/private/platform.example.org.key", tls.toAbsolutePath().resolve("key.pem").toString())
                .replace("include snippets/sciplat-locations.conf;",
                        "include snippets/sciplat-locations.conf;\n    include snippets/sciplat-test-locations.conf;");
        String http = site + """
                upstream echo { server 127.0.0.1:%d; keepalive 16; }
                # the same locations over plain http, for the tests' own client
                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;
                    include snippets/sciplat-locations.conf;
                    include snippets/sciplat-test-locations.conf;
                }
                """.formatted(ECHO_PORT, NGINX_PORT);
        nginx = Nginx.start(prefix, NGINX_PORT, 1, http,
                Path.of("target/test-classes/nginx/sciplat-test-locations.conf"));
    }

    @AfterAll
    static void stopGate() {
        if (nginx != null) {
            nginx.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void withoutATokenTheClientIsChallenged() {
        Answer bearer = gate("GET", "/echo/scope/");
        assertEquals(401, bearer.status(), bearer.body());
        assertTrue(bearer.header("WWW-Authenticate").startsWith("Bearer realm="), bearer.header("WWW-Authenticate"));
        assertEquals("not_authenticated", errorType(bearer));

        Answer basic = gate("GET", "/echo/basic/");
        assertEquals(401, basic.status(), basic.body());
        assertTrue(basic.header("WWW-Authenticate").startsWith("Basic realm="),
                "TOPCAT-style clients need the Basic challenge: " + basic.header("WWW-Authenticate"));

        Answer invalid = gate("GET", "/echo/scope/", "Authorization: Bearer gt-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB");
        assertEquals(401, invalid.status());
        assertTrue(invalid.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    @Test
    void aMissingScopeIsA403WithInsufficientScope() {
        String token = Astronomer.userToken(null, "read:image");

        Answer answer = gate("GET", "/echo/scope/", "Authorization: Bearer " + token);

        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.header("WWW-Authenticate").contains("error=\"insufficient_scope\""),
                answer.header("WWW-Authenticate"));
        assertEquals("insufficient_scope", errorType(answer));
        assertEquals(200, gate("GET", "/echo/any/", "Authorization: Bearer " + token).status(),
                "satisfy=any: read:image is one of the scopes named");
    }

    @Test
    void theServiceLearnsWhoCallsAndNeverSeesThePlatformsCredentials() {
        String token = Astronomer.userToken(null, "read:tap");
        Api.Session session = Api.login(Astronomer.USERNAME, Astronomer.PASSWORD);

        JsonObject bearer = received(gate("GET", "/echo/scope/x", "Authorization: Bearer " + token,
                "Cookie: theme=dark; " + session.cookie() + "; lab=1", "X-Auth-Request-User: admin"));
        assertEquals(Optional.of(Astronomer.USERNAME), header(bearer, "x-auth-request-user"),
                "the user, never what the client claimed");
        assertEquals(Optional.of("astronomer@example.org"), header(bearer, "x-auth-request-email"));
        assertEquals(Optional.empty(), header(bearer, "authorization"), "the platform's token stays at the gate");
        assertEquals(Optional.of("theme=dark; lab=1"), header(bearer, "cookie"), "other cookies pass");
        assertEquals(Optional.empty(), header(bearer, "x-auth-request-token"), "nothing delegated unless asked");

        JsonObject basic = received(gate("GET", "/echo/basic/", "Authorization: " + Api.basic("x-oauth-basic", token)));
        assertEquals(Optional.of(Astronomer.USERNAME), header(basic, "x-auth-request-user"));
        assertEquals(Optional.empty(), header(basic, "authorization"));

        JsonObject cookie = received(gate("GET", "/echo/scope/", "Cookie: " + session.cookie()));
        assertEquals(Optional.of(Astronomer.USERNAME), header(cookie, "x-auth-request-user"),
                "a browser's session cookie is a credential at the gate");
        assertEquals(Optional.empty(), header(cookie, "cookie"));

        String servicePassword = Api.basic("alice", "secret-of-the-service");
        JsonObject own = received(gate("GET", "/public/", "Authorization: " + servicePassword));
        assertEquals(Optional.of(servicePassword), header(own, "authorization"), "the service's own credentials pass");
    }

    @Test
    void aDelegatedTokenHasExactlyTheIntersectedScopesAndIsReused() {
        // the portal asks for read:tap and read:image; this token holds read:tap, not read:image
        String token = Astronomer.userToken(inAWeek(), "exec:portal", "read:tap");

        JsonObject first = received(gate("GET", "/portal/", "Authorization: Bearer " + token));
        String delegated = header(first, "x-auth-request-token").orElseThrow();
        Api.remember(delegated);
        assertEquals(Optional.empty(), header(first, "authorization"));

        JsonObject info = Json.object(Api.send("GET", "/token-info", Api.bearer(delegated), null).body());
        assertEquals("internal", info.getString("token_type"));
        assertEquals("portal", info.getString("service"));
        assertEquals(Api.key(token), info.getString("parent"));
        assertEquals(List.of("read:tap"), strings(info.getJsonArray("scopes")));
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(delegated), null).statusCode(),
                "it works at the API");

        JsonObject second = received(gate("GET", "/portal/again", "Authorization: Bearer " + token));
        assertEquals(Optional.of(delegated), header(second, "x-auth-request-token"), "reused, not minted again");
    }

    @Test
    void aNotebookTokenHasTheCallersScopes() {
        String token = Astronomer.userToken(null, "exec:notebook", "read:tap");

        String notebook = header(received(gate("GET", "/echo/notebook/", "Authorization: Bearer " + token)),
                "x-auth-request-token").orElseThrow();
        Api.remember(notebook);

        JsonObject info = Json.object(Api.send("GET", "/token-info", Api.bearer(notebook), null).body());
        assertEquals("notebook", info.getString("token_type"));
        assertEquals(List.of("exec:notebook", "read:tap"), strings(info.getJsonArray("scopes")));
    }

    @Test
    void onlyServiceAcceptsOnlyTokensDelegatedToThatService() {
        String token = Astronomer.userToken(inAWeek(), "exec:portal", "read:tap");
        String delegated = Api.remember(header(received(gate("GET", "/portal/", "Authorization: Bearer " + token)),
                "x-auth-request-token").orElseThrow());

        Answer user = gate("GET", "/echo/portal-only/", "Authorization: Bearer " + token);
        assertEquals(403, user.status(), "the user's own token is not the portal's");
        assertEquals("permission_denied", errorType(user));

        JsonObject portal = received(gate("GET", "/echo/portal-only/", "Authorization: Bearer " + delegated));
        assertEquals(Optional.of("portal"), header(portal, "x-auth-request-service"));
        assertEquals(Optional.of(Astronomer.USERNAME), header(portal, "x-auth-request-user"));
    }

    @Test
    void usernameAdmitsThatUserAlone() {
        String astronomer = Astronomer.userToken(null, "read:tap");
        String observer = Api.createToken(Api.login("observer", "observer-demo"), "gate-" + System.nanoTime(),
                List.of("read:tap"), null);

        assertEquals(200, gate("GET", "/echo/astronomer/", "Authorization: Bearer " + astronomer).status());
        Answer other = gate("GET", "/echo/astronomer/", "Authorization: Bearer " + observer);
        assertEquals(403, other.status());
        assertEquals("permission_denied", errorType(other));
    }

    @Test
    void aTokenExpiringTooSoonIsSentToLogInAgain() {
        String shortLived = Astronomer.userToken(Instant.now().plus(Duration.ofMinutes(30)), "read:tap");

        Answer answer = gate("GET", "/echo/long-lived/", "Authorization: Bearer " + shortLived);

        assertEquals(401, answer.status(), answer.body());
        assertEquals("invalid_token", errorType(answer));
        assertEquals(200, gate("GET", "/echo/scope/", "Authorization: Bearer " + shortLived).status());
    }

    @Test
    void aCorsPreflightPassesWhereTheRouteAllowsIt() {
        String[] preflight = {"Origin: https://portal.example.org", "Access-Control-Request-Method: POST"};

        Answer allowed = gate("OPTIONS", "/echo/cors/", preflight);
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals("OPTIONS", Json.object(allowed.body()).getString("method"));
        assertEquals(401, gate("OPTIONS", "/echo/scope/", preflight).status(), "not where the route does not allow it");
        assertEquals(401, gate("GET", "/echo/cors/").status(), "only the preflight passes");
    }

    @Test
    void anAnonymousRouteStripsThePlatformsCredentialsOnly() {
        String token = Astronomer.userToken(null, "read:tap");

        JsonObject none = received(gate("GET", "/public/"));
        assertEquals(Optional.empty(), header(none, "x-auth-request-user"));

        JsonObject stripped = received(gate("GET", "/public/page", "Authorization: Bearer " + token,
                "Cookie: sciplat_session=" + token + "; theme=dark", "X-Auth-Request-User: admin"));
        assertEquals(Optional.empty(), header(stripped, "authorization"));
        assertEquals(Optional.of("theme=dark"), header(stripped, "cookie"));
        assertEquals(Optional.empty(), header(stripped, "x-auth-request-user"), "no client poses as a user");
    }

    @Test
    void onlyTheProxyGetsDelegatedTokens() {
        String token = Astronomer.userToken(inAWeek(), "exec:portal", "read:tap");
        String check = "/auth/ingress/auth?scope=exec:portal&delegate_to=portal&delegate_scope=read:tap";

        Answer direct = RawHttp.send("127.0.0.3", SERVER, "GET", check, "Authorization: Bearer " + token);
        assertEquals(403, direct.status(), direct.body());
        assertEquals("", direct.header("X-Auth-Request-Token"), "a client calling the check mints nothing");
        assertEquals("permission_denied", errorType(direct));

        assertEquals(404, gate("GET", check, "Authorization: Bearer " + token).status(),
                "nginx keeps the check internal");
    }

    @Test
    void aParameterTheCheckCannotFollowIsTheOperatorsError() {
        Answer answer = RawHttp.send(null, SERVER, "GET", "/auth/ingress/auth?scope=read:tap&satisfy=%3Cscript%3E");

        assertEquals(422, answer.status(), answer.body());
        assertEquals("invalid_request", errorType(answer));
        assertEquals("422", answer.header("X-Error-Status"));
        assertFalse(answer.body().contains("script"), "never an echo of the request");
    }

    @Test
    void theHistoryHoldsTheRealClientsAddress() {
        String token = Astronomer.userToken(inAWeek(), "exec:portal", "read:tap", "user:token");

        String delegated = Api.remember(header(received(gate("GET", "/portal/", "Authorization: Bearer " + token)),
                "x-auth-request-token").orElseThrow());

        JsonArray history = Json.array(Api.send("GET", "/users/" + Astronomer.USERNAME
                + "/token-change-history?key=" + Api.key(delegated), Api.bearer(token), null).body());
        assertEquals(1, history.size(), history.toString());
        assertEquals(CLIENT_ADDRESS, history.getJsonObject(0).getString("ip_address"),
                "the client nginx served, not nginx");
    }

    @Test
    void aTapQueryThroughNginxIsRecordedUnderTheRealClientsAddress() throws InterruptedException {
        String token = Astronomer.userToken(inAWeek(), "read:tap");

        Answer answer = gate("GET", "/api/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=SELECT%20COUNT(*)%20FROM%20"
                + "TAP_SCHEMA.schemas", "Authorization: Bearer " + token);
        assertEquals(200, answer.status(), answer.body());

        String bootstrap = Api.bearer(System.getProperty("it.bootstrap.token"));
        Instant end = Instant.now().plusSeconds(15);
        JsonArray uses = Json.array("[]");
        while (uses.isEmpty() && Instant.now().isBefore(end)) {
            Thread.sleep(250);
            uses = Json.array(Api.send("GET", "/users/" + Astronomer.USERNAME + "/tokens/" + Api.key(token) + "/uses",
                    bootstrap, null).body());
        }
        assertEquals(1, uses.size(), uses.toString());
        assertEquals("tap", uses.getJsonObject(0).getString("service"));
        assertEquals(CLIENT_ADDRESS, uses.getJsonObject(0).getString("ip_address"), "the client nginx served");
    }

    @Test
    void aUsedUpQuotaIsA429WithItsHeadersThroughNginx() {
        // gate-test grants g_users 3 requests a minute (src/test/liberty/jvm.options); a minute may turn meanwhile
        String token = Api.createToken(Api.login("observer", "observer-demo"), "quota-" + System.nanoTime(),
                List.of("read:tap"), null);
        Answer refused = null;
        for (int i = 0; i < 8 && refused == null; i++) {
            Answer answer = gate("GET", "/echo/quota/", "Authorization: Bearer " + token);
            assertEquals("3", answer.header("X-RateLimit-Limit"), "on every gated answer");
            assertEquals("gate-test", answer.header("X-RateLimit-Resource"));
            int used = Integer.parseInt(answer.header("X-RateLimit-Used"));
            assertEquals(3 - used, Integer.parseInt(answer.header("X-RateLimit-Remaining")));
            assertTrue(Long.parseLong(answer.header("X-RateLimit-Reset")) > Instant.now().getEpochSecond() - 1);
            if (answer.status() == 200) {
                assertTrue(used <= 3, "admitted within the quota: " + used);
            } else {
                refused = answer;
            }
        }
        assertTrue(refused != null, "the fourth request of a minute is refused");
        assertEquals(429, refused.status(), refused.body());
        assertEquals("rate_limited", errorType(refused));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        Answer blocked = gate("GET", "/echo/blocked/", "Authorization: Bearer " + token);
        assertEquals(403, blocked.status(), "a quota of 0 blocks the service");
        assertEquals("permission_denied", errorType(blocked));
    }

    @Test
    void theEmbeddedDefaultQuotaShowsOnEveryAnswerAndInTheUserInfo() {
        String token = Astronomer.userToken(inAWeek(), "exec:portal");

        Answer answer = gate("GET", "/portal/", "Authorization: Bearer " + token);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("600", answer.header("X-RateLimit-Limit"), "g_users' default in microprofile-config.properties");
        assertEquals("portal", answer.header("X-RateLimit-Resource"));

        JsonObject quota = Json.object(Api.send("GET", "/user-info", Api.bearer(token), null).body())
                .getJsonObject("quota").getJsonObject("api");
        assertEquals(600, quota.getInt("_default"), "the user-info shows the quotas");
        assertEquals(3, quota.getInt("gate-test"));
        assertEquals(0, quota.getInt("gate-blocked"));
    }

    @Test
    void theDeployedSiteRedirectsToTlsAndServesTheGateThere() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheTestCertificate()).build();

        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + REDIRECT_PORT + "/portal/")).build(), BodyHandlers.ofString());
        assertEquals(301, plain.statusCode());
        assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://"));

        String token = Astronomer.userToken(inAWeek(), "exec:portal", "read:tap");
        HttpResponse<String> portal = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + TLS_PORT + "/portal/")).header("Authorization", Api.bearer(token))
                .build(), BodyHandlers.ofString());
        assertEquals(200, portal.statusCode(), portal.body());
        JsonObject received = Json.object(portal.body());
        assertEquals(Optional.of(Astronomer.USERNAME), header(received, "x-auth-request-user"));
        assertEquals(Optional.of("https"), header(received, "x-forwarded-proto"));
        Api.remember(header(received, "x-auth-request-token").orElseThrow());

        HttpResponse<String> unauthenticated = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + TLS_PORT + "/portal/")).build(), BodyHandlers.ofString());
        assertEquals(401, unauthenticated.statusCode());
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + TLS_PORT
                + "/auth/api/v1/token-info")).header("Authorization", Api.bearer(token)).build(),
                BodyHandlers.ofString()).statusCode(), "the token service's API through the site");
    }

    /** Trusts the certificate made for this class's nginx, and nothing else. */
    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(Path.of("target/nginx-it/tls/cert.pem"))) {
            trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A request through nginx, from the client address of these tests. */
    private static Answer gate(String method, String path, String... headerLines) {
        return RawHttp.send(CLIENT_ADDRESS, GATE, method, path, headerLines);
    }

    /** What the echo service received. */
    private static JsonObject received(Answer answer) {
        assertEquals(200, answer.status(), answer.body() + nginx.log());
        return Json.object(answer.body());
    }

    private static Optional<String> header(JsonObject echoed, String name) {
        JsonArray values = echoed.getJsonObject("headers").getJsonArray(name);
        assertTrue(values == null || values.size() == 1, name + " more than once: " + values);
        return values == null ? Optional.empty() : Optional.of(values.getString(0));
    }

    private static String errorType(Answer answer) {
        return Json.object(answer.body()).getJsonArray("detail").getJsonObject(0).getString("type");
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** exec:portal tokens must expire (the test server's lifetime policy, LifetimePolicyIT). */
    private static Instant inAWeek() {
        return Instant.now().plus(Duration.ofDays(7));
    }
}
