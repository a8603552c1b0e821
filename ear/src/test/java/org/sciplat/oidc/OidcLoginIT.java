package org.sciplat.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sciplat.it.Api;
import org.sciplat.it.Browser;
import org.sciplat.it.Json;
import org.sciplat.it.TapService;
import org.sciplat.it.TapService.Run;
import org.sciplat.it.TestServer;

/**
 * The web UI on the server that logs users in through Keycloak: a headless Chromium logs in on Keycloak's own login
 * page, reaches Security Tokens, creates a token that STILTS then queries TAP with, and logs out of both.
 */
class OidcLoginIT {

    @BeforeAll
    static void servers() {
        OidcTestServer.ready();
    }

    @Test
    void aUserLogsInAtTheProviderMakesATokenForTapAndLogsOutOfBoth() {
        String token;
        try (Browser browser = Browser.open()) {
            logIn(browser, "astronomer", "astronomer-kc");
            assertTrue(browser.visible(By.id("menu:user_button")).getText().contains("astronomer"));

            browser.menu("Security Tokens");
            browser.awaitPath("/tokens");
            browser.visible(By.xpath("//*[@id='tokens:session']//*[normalize-space(.)='This session']"));
            browser.click(By.id("tokens:create"));
            // a name of its own each run: the server's database outlives a build without clean
            browser.type(By.id("create-form:token_name"), "stilts-via-keycloak-" + System.currentTimeMillis());
            browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
            browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='7 days']"));
            browser.click(By.id("create-form:submit"));
            browser.awaitPath("/tokens/created");
            token = browser.visible(By.id("copy:new-token")).getText();
            browser.screenshot("oidc-created");

            browser.menu("Log out");
            // through Keycloak's end-session endpoint and back
            browser.awaitPath("/login?loggedOut=true");
            browser.visible(By.id("logged-out"));
            // Keycloak's session ended too: the next login asks for the password again
            browser.click(By.id("provider-login"));
            browser.visible(By.id("kc-login"));
        }

        TapService.awaitAvailable();
        Run run = TapService.stilts(token, "tapquery", "tapurl=" + TapService.URL,
                "adql=SELECT COUNT(*) AS n FROM wise_00.allwise_p3as_mep", "sync=true", "ofmt=csv");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Long.parseLong(run.stdout().lines().toList().get(1).trim()) > 0, run.stdout());

        // who the user is, through user-info with that token: name from the ID token's claims, and email, POSIX
        // ids and groups with their gids from LDAP (src/test/ldap), which the OIDC test server is configured with
        HttpResponse<String> info = TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/user-info"))
                .header("Authorization", "Bearer " + token).build());
        assertEquals(200, info.statusCode(), info.body());
        JsonObject user = Json.object(info.body());
        assertEquals("astronomer", user.getString("username"));
        assertEquals("Ada Astronomer", user.getString("name"));
        assertEquals("ada.astronomer@ldap.sciplat.test", user.getString("email"));
        assertEquals(20001, user.getInt("uid"));
        assertEquals(20001, user.getInt("gid"));
        assertEquals("[g_tap 3003, g_users 3000]", user.getJsonArray("groups").stream()
                .map(g -> g.asJsonObject().getString("name") + " " + g.asJsonObject().getInt("id")).toList()
                .toString());
    }

    /** From a page that needs a login, through Keycloak's login page, to the page a login lands on. */
    static void logIn(Browser browser, String username, String password) {
        browser.go("/welcome");
        browser.awaitPath("/login");
        browser.click(By.id("provider-login"));
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.click(By.id("kc-login"));
        browser.awaitPath("/welcome");
    }

    @Test
    void anAdministratorIsOneByTheProvidersGroup() {
        try (Browser browser = Browser.open()) {
            logIn(browser, "admin", "admin-kc");
            browser.menu("Administration: tokens");
            browser.awaitPath("/admin/tokens");
        }
    }

    @Test
    void passwordLoginIsDisabled() {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=astronomer&password=astronomer-demo"))
                .build());
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("password_login_disabled"), response.body());
    }
}
