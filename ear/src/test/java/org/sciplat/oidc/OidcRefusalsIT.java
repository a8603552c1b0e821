package org.sciplat.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.WebForm;

/**
 * What a login through Keycloak refuses, each with a page of the site that says why (never a stack trace): a user in
 * no group that grants a scope, a username claim that is not a username here, an answer replayed or for a login this
 * browser never started. (A tampered ID token is refused by IdTokenCheck, tested in token-core.)
 */
class OidcRefusalsIT {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(");

    @BeforeAll
    static void servers() {
        OidcTestServer.ready();
    }

    @Test
    void aUserOfTheProviderInNoGroupOfThePlatformIsToldToEnroll() {
        HttpClient client = Keycloak.client();
        HttpResponse<String> page = Keycloak.get(client, Keycloak.callbackAfterLogin(client, "guest", "guest-kc"));
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("You are not enrolled"), page.body());
        assertClean(page);
    }

    @Test
    void aUsernameClaimThatIsNoUsernameHereIsRefusedWithThePlatformsRules() {
        HttpClient client = Keycloak.client();
        HttpResponse<String> page = Keycloak.get(client, Keycloak.callbackAfterLogin(client, "bad.name",
                "bad-name-kc"));
        assertEquals(422, page.statusCode(), page.body());
        assertTrue(page.body().contains("Your username cannot be used here"), page.body());
        assertTrue(page.body().contains("lower-case letters, digits and single hyphens"), page.body());
        assertClean(page);
    }

    @Test
    void anAnswerIsUsedOnceAndOnlyByTheBrowserThatStartedTheLogin() {
        HttpClient client = Keycloak.client();
        String callback = Keycloak.callbackAfterLogin(client, "astronomer", "astronomer-kc");

        // another browser (no session here) presenting the stolen answer
        HttpResponse<String> stolen = Keycloak.get(Keycloak.client(), callback);
        assertEquals(401, stolen.statusCode(), stolen.body());
        assertTrue(stolen.body().contains("for no login started here"), stolen.body());
        assertClean(stolen);

        HttpResponse<String> first = Keycloak.get(client, callback);
        assertEquals(302, first.statusCode(), first.body());
        assertTrue(Keycloak.location(first).startsWith(WebForm.HTTPS_URL + "/"), Keycloak.location(first));

        HttpResponse<String> replayed = Keycloak.get(client, callback);
        assertEquals(401, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().contains("for no login started here"), replayed.body());
    }

    @Test
    void aForgedStateIsRefused() {
        HttpClient client = Keycloak.client();
        String callback = Keycloak.callbackAfterLogin(client, "astronomer", "astronomer-kc");
        HttpResponse<String> forged = Keycloak.get(client, callback.replaceAll("state=[^&]+", "state=forged"));
        assertEquals(401, forged.statusCode(), forged.body());
        assertClean(forged);
    }

    /** The site's own page: no stack frame, no exception's message. */
    private static void assertClean(HttpResponse<String> page) {
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(STACK_FRAME.matcher(page.body()).find(), page.body());
        assertFalse(page.body().contains("Exception:"), page.body());
    }
}
