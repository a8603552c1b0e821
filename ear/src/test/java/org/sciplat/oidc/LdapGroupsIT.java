package org.sciplat.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.WebForm;

/**
 * Groups come from the tests' slapd, not from Keycloak: on the OIDC test server read:tap is granted by the LDAP
 * group g_tap alone, and a user taken out of it has no read:tap at the next login (the server caches LDAP answers
 * for 1 s; a deployment's default is minutes).
 */
class LdapGroupsIT {

    private static final Pattern THIS_SESSION =
            Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*This session(?:(?!</tr>).)*</tr>", Pattern.DOTALL);

    @BeforeAll
    static void servers() {
        OidcTestServer.ready();
    }

    @Test
    void aUserTakenOutOfTheGroupThatGrantsReadTapLosesItAtTheNextLogin() throws InterruptedException {
        assertTrue(sessionScopes().contains(">read:tap<"), "observer is in g_tap in LDAP");

        Slapd.removeMember("g_tap", "observer");
        try {
            // past the test server's LDAP cache time
            Thread.sleep(1500);
            String scopes = sessionScopes();
            assertFalse(scopes.contains(">read:tap<"), scopes);
            assertTrue(scopes.contains(">read:image<"), "g_users still grants the rest: " + scopes);
        } finally {
            Slapd.addMember("g_tap", "observer");
        }
    }

    /** Logs observer in through Keycloak and returns the row of this login's session on Security Tokens. */
    private static String sessionScopes() {
        HttpClient client = Keycloak.client();
        HttpResponse<String> landed = Keycloak.get(client, Keycloak.callbackAfterLogin(client, "observer",
                "observer-kc"));
        assertEquals(302, landed.statusCode(), landed.body());
        HttpResponse<String> page = Keycloak.get(client, WebForm.HTTPS_URL + "/tokens");
        assertEquals(200, page.statusCode(), page.body());
        Matcher row = THIS_SESSION.matcher(page.body());
        assertTrue(row.find(), page.body());
        return row.group();
    }
}
