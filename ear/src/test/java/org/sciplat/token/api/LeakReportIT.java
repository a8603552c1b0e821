package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.Json;
import org.sciplat.it.Metrics;

/**
 * Leaked tokens: the public report revokes them, records {@code leaked}, emails the owner (through a real SMTP
 * server, GreenMail, on {@code it.smtp.port}), and answers alike whatever it was sent; a token's checksum refuses
 * a mistyped one before the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakReportIT {

    private static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 9486);
    private static final String REPORT = "/credentials/revoke";
    private static GreenMail smtp;

    @BeforeAll
    static void smtpServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtpServer() {
        smtp.stop();
    }

    @Test
    @Order(1)
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

        assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1), "the owner's notice arrived");
        MimeMessage notice = onlyMessageAbout(name);
        assertEquals("astronomer@example.org", notice.getAllRecipients()[0].toString());
        String text = GreenMailUtil.getBody(notice);
        assertTrue(text.contains(Api.key(token)), text);
        assertFalse(text.contains(token.substring(26)), "the secret is never mailed");

        assertEquals(204, report(List.of(token)).statusCode(), "a second report of it");
        Thread.sleep(1000);
        onlyMessageAbout(name);
    }

    @Test
    @Order(2)
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
    @Order(3)
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
    @Order(4)
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
    @Order(5)
    void reportsFromOneAddressAreRateLimited() {
        HttpResponse<String> response = null;
        // fixed one-minute windows of 10: 21 reports cross at most one window boundary
        for (int i = 0; i < 21; i++) {
            response = Api.send("POST", REPORT, (String) null, "{\"credentials\": []}");
            if (response.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, response.statusCode());
        assertEquals("too_many_requests", Json.object(response.body()).getJsonArray("detail").getJsonObject(0)
                .getString("type"));
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    private static MimeMessage onlyMessageAbout(String name) throws Exception {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(name)) {
                about.add(message);
            }
        }
        assertEquals(1, about.size(), "one notice, of " + smtp.getReceivedMessages().length);
        return about.get(0);
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

    /** Another test class may have used this address's minute: one wait for the next window, then the answer. */
    private static HttpResponse<String> send(String body) {
        HttpResponse<String> response = Api.send("POST", REPORT, (String) null, body);
        if (response.statusCode() == 429) {
            sleep(Long.parseLong(response.headers().firstValue("Retry-After").orElse("60")));
            response = Api.send("POST", REPORT, (String) null, body);
        }
        return response;
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
