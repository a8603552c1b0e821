package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.MailServer;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * Expiry notices: the Warning header on API answers to a token within seven days of its expiry, and the owner's
 * emails at 7 and 1 days, once each (the test server's expiry job runs every 2 s, src/test/liberty/jvm.options).
 */
class ExpiryNoticeIT {

    private static MailServer smtp;
    private static Api.Session astronomer;

    @BeforeAll
    static void start() {
        smtp = MailServer.start();
        astronomer = Api.login(Astronomer.USERNAME, Astronomer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    @Test
    void anApiAnswerToATokenAboutToExpireCarriesAWarning() {
        String soon = token("soon", Duration.ofDays(3));

        HttpResponse<String> response = Api.send("GET", "/token-info", Api.bearer(soon), null);

        assertEquals(200, response.statusCode());
        String warning = response.headers().firstValue("Warning").orElseThrow();
        assertTrue(warning.matches("299 - \"Token " + Api.key(soon) + " expires at \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z "
                + "\\(in 2 days\\); renew it with POST /auth/api/v1/users/astronomer/tokens/" + Api.key(soon)
                + "/rotate or on the Security tokens page\""), warning);
        HttpResponse<String> ingress = TestServer.get("/auth/ingress/auth?scope=read:tap", "Authorization",
                Api.bearer(soon));
        assertEquals(200, ingress.statusCode());
        assertEquals(warning, ingress.headers().firstValue("Warning").orElseThrow(), "for the proxy to pass on");
    }

    @Test
    void noWarningForATokenFarFromItsExpiryOrOneThatNeverExpires() {
        for (String token : List.of(token("later", Duration.ofDays(30)), token("never", null))) {
            HttpResponse<String> response = Api.send("GET", "/token-info", Api.bearer(token), null);
            assertEquals(200, response.statusCode());
            assertEquals(List.of(), response.headers().allValues("Warning"));
        }
    }

    @Test
    void theOwnerIsEmailedOncePerTokenAtTheNearestThreshold() throws Exception {
        String week = "week-" + UUID.randomUUID();
        String day = "day-" + UUID.randomUUID();
        String weekToken = Api.createToken(astronomer, week, List.of("read:tap"), epoch(Duration.ofDays(3)));
        Api.createToken(astronomer, day, List.of("read:tap"), epoch(Duration.ofHours(12)));

        List<MimeMessage> weekNotices = smtp.awaitAbout(week, Duration.ofSeconds(30));
        List<MimeMessage> dayNotices = smtp.awaitAbout(day, Duration.ofSeconds(30));

        assertEquals(1, weekNotices.size());
        assertEquals("Your token \"" + week + "\" expires within 7 days", weekNotices.get(0).getSubject());
        assertEquals("astronomer@example.org", weekNotices.get(0).getAllRecipients()[0].toString());
        String text = GreenMailUtil.getBody(weekNotices.get(0));
        assertTrue(text.contains("/auth/api/v1/users/astronomer/tokens/" + Api.key(weekToken) + "/rotate"), text);
        assertEquals(1, dayNotices.size(), "the 1-day notice alone");
        assertEquals("Your token \"" + day + "\" expires within a day", dayNotices.get(0).getSubject());
        // another run of the job
        Thread.sleep(2_500);
        assertEquals(1, smtp.about(week).size(), "sent once");
        assertEquals(1, smtp.about(day).size(), "sent once");
    }

    @Test
    void aTokenGettingNearerIsToldAgainAtTheOneDayThresholdAndOnlyThen() throws Exception {
        String name = "both-" + UUID.randomUUID();
        String token = Api.createToken(astronomer, name, List.of("read:tap"), epoch(Duration.ofDays(3)));
        List<MimeMessage> first = smtp.awaitAbout(name, Duration.ofSeconds(30));
        assertEquals(1, first.size());
        assertEquals("Your token \"" + name + "\" expires within 7 days", first.get(0).getSubject());

        // two and a half days later, as the job sees it
        TestDatabase.expiresIn(Api.key(token), Duration.ofHours(12));
        Instant end = Instant.now().plusSeconds(30);
        while (smtp.about(name).size() < 2 && Instant.now().isBefore(end)) {
            Thread.sleep(250);
        }
        List<MimeMessage> both = smtp.about(name);
        assertEquals(2, both.size(), "the 1-day notice after the 7-day one");
        assertTrue(both.stream().anyMatch(m -> getSubject(m).equals("Your token \"" + name
                + "\" expires within a day")));
        // another run of the job
        Thread.sleep(2_500);
        assertEquals(2, smtp.about(name).size(), "each threshold once");
    }

    private static String getSubject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String name, Duration lifetime) {
        return Api.createToken(astronomer, name + "-" + UUID.randomUUID(), List.of("read:tap"),
                lifetime == null ? null : epoch(lifetime));
    }

    private static Long epoch(Duration fromNow) {
        return Instant.now().plus(fromNow).getEpochSecond();
    }
}
