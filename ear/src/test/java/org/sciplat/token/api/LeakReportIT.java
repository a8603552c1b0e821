package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.MailServer;
import org.sciplat.it.Metrics;
import org.sciplat.it.TestServer;

/**
 * Leaked tokens: the public report revokes them, records {@code leaked}, emails the owner (through a real SMTP
 * server, {@link MailServer}), and answers alike whatever it was sent; a token's checksum refuses
 * a mistyped one before the database.
 */
class LeakReportIT {

    private static final String REPORT = "/credentials/revoke";
    private static MailServer smtp;

    @BeforeAll
    static void smtpServer() {
        smtp = MailServer.start();
    }

    @AfterAll
    static void stopSmtpServer() {
        smtp.close();
    }

    @Test
    void aReportedTokenIsRevokedRecordedAsLeakedAndItsOwnerEmailedOnce() throws Exception {
        String name = "notebook-" + UUID.randomUUID();
        String token = Api.createToken(Api.login(Astronomer.USERNAME, Astronomer.PASSWORD), name,
                List.of("read:tap"), null);
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode());

        assertEquals(204, report(List.of(token)).statusCode());

        assertEquals(401, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode(), "revoked");
        HttpResponse<String> history = Api.send("GET", "/users/astronomer/token-change-history?key="
                + Api.key(token), Api.login(Astronomer.USERNAME, Astronomer.PASSWORD), null);
        List<String> actions = Json.array(history.body()).getValuesAs(JsonObject.class).stream()
                .map(row -> row.getString("action")).toList();
        assertEquals(List.of("leaked", "create"), actions, history.body());

        List<MimeMessage> notices = smtp.awaitAbout(name, Duration.ofSeconds(30));
        assertEquals(1, notices.size(), "the owner's notice arrived, once");
        MimeMessage notice = notices.get(0);
        assertEquals("astronomer@example.org", notice.getAllRecipients()[0].toString());
        String text = GreenMailUtil.getBody(notice);
        assertTrue(text.contains(Api.key(token)), text);
        assertFalse(text.contains(token.substring(26)), "the secret is never mailed");

        assertEquals(204, report(List.of(token)).statusCode(), "a second report of it");
        Thread.sleep(1000);
        assertEquals(1, smtp.about(name).size(), "no second notice");
    }

    @Test
    void theAnswerIsTheSameWhetherATokenExisted() {
        String existing = Astronomer.userToken(null, "read:tap");
        String unknown = "gt-DYtEJhTe_wqfk-K-tAby_w.T2Zl1pCMtVFg6SwX3jPLIP";

        HttpResponse<String> real = report(List.of(existing));
        for (List<String> other : List.of(List.of(unknown), List.of("not a token at all"), List.<String>of())) {
            HttpResponse<String> answer = report(other);
            assertEquals(real.statusCode(), answer.statusCode(), other.toString());
            assertEquals(real.body(), answer.body(), other.toString());
            assertEquals(real.headers().firstValue("Content-Type"), answer.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void moreThanAThousandOrNoListIsRefusedWithTheApisError() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            many.add("gt-x");
        }
        assertInvalidRequest(report(many));
        assertInvalidRequest(send("{}"));
        assertInvalidRequest(send("{\"credentials\": \"gt-x\"}"));
    }

    @Test
    void aOneCharacterTypoIsRefusedAsMalformedBeforeTheDatabase() {
        String token = Astronomer.userToken(null, "read:tap");
        // the key changed: without the checksum this unknown key would cost a look-up
        char[] typo = token.toCharArray();
        typo[5] = typo[5] == 'q' ? 'r' : 'q';
        long lookups = Metrics.value("token_verification_database_lookups");

        HttpResponse<String> response = Api.send("GET", "/token-info", Api.bearer(new String(typo)), null);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Token is malformed"), response.body());
        assertEquals(lookups, Metrics.value("token_verification_database_lookups"), "no database look-up");
    }

    @Test
    void reportsFromOneAddressAreRateLimitedAndOthersAreNot() {
        HttpResponse<String> response = null;
        String client = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        // fixed one-minute windows of 10: 21 reports cross at most one window boundary
        for (int i = 0; i < 21; i++) {
            response = send("{\"credentials\": []}", client);
            if (response.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, response.statusCode());
        assertEquals("too_many_requests", Json.object(response.body()).getJsonArray("detail").getJsonObject(0)
                .getString("type"));
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(204, send("{\"credentials\": []}", client + "1").statusCode(), "another address");
    }

    private static void assertInvalidRequest(HttpResponse<String> response) {
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("invalid_request", Json.object(response.body()).getJsonArray("detail").getJsonObject(0)
                .getString("type"));
    }

    private static HttpResponse<String> report(List<String> credentials) {
        return send(jakarta.json.Json.createObjectBuilder()
                .add("credentials", jakarta.json.Json.createArrayBuilder(credentials)).build().toString());
    }

    private static HttpResponse<String> send(String body) {
        return send(body, address());
    }

    /**
     * A report from this client address: the test server believes X-Forwarded-For from the tests (a trusted proxy),
     * so each report here comes from an address of its own (any one else's quota stays untouched).
     */
    private static HttpResponse<String> send(String body, String client) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + REPORT))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }
}
