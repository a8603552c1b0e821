package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sciplat.it.Api;
import org.sciplat.it.InBrowser;
import org.sciplat.it.TestServer;

/** What keeps the web UI safe: escaping, headers, the login's session and its end, in a real headless Chromium. */
class WebProtectionIT extends InBrowser {

    private static final String BOOTSTRAP = Api.bearer(System.getProperty("it.bootstrap.token"));

    @Test
    void aTokenNamedLikeAScriptIsShownAsText() {
        String name = "<script>alert(1)</script>";
        Api.Session session = Api.login("observer", "observer-demo");
        String key = Api.key(Api.createToken(session, name, List.of("read:tap"), null));
        try {
            browser.logIn("observer", "observer-demo");
            browser.awaitPath("/welcome");
            browser.menu("Security Tokens");
            assertEquals(name, browser.visible(By.xpath("//*[@id='tokens:user']//tr[.//code[normalize-space(.)='"
                    + key + "']]//*[contains(@class,'token-name')]")).getText());
            assertTrue(browser.driver().getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertFalse(alertShows(), "the name ran as a script");

            browser.go("/tokens/token.xhtml?key=" + key);
            assertEquals(name, browser.visible(By.id("token-name")).getText());
            assertFalse(alertShows(), "the name ran as a script on the detail page");
        } finally {
            Api.send("DELETE", "/users/observer/tokens/" + key, session, null);
        }
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutUnsafeInlineScriptsAndRefuseFraming() {
        HttpResponse<String> page = TestServer.get("/login");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = policy.substring(policy.indexOf("script-src"));
        assertTrue(scripts.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'.*"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertFalse(scripts.contains("unsafe-inline"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void noPageNeedsAScriptThePolicyRefuses() {
        browser.go("/login.xhtml");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        browser.click(By.id("tokens:create"));
        browser.visible(By.id("create-form:token_name"));
        browser.click(By.id("create-form:cancel"));
        browser.awaitGone(By.id("create-form:token_name"));
        browser.menu("Token history");
        browser.visible(By.id("history:changes"));
        List<String> refused = browser.consoleErrors().stream()
                .filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), refused);
    }

    @Test
    void wrongPasswordsAndUsersWithoutScopesAreToldWhy() {
        browser.go("/login.xhtml");
        browser.logIn("astronomer", "not-the-password");
        browser.awaitText(By.id("messages"), "Invalid username or password");
        assertEquals("Invalid username or password", browser.visible(By.id("messages")).getText(), "said once");
        assertTrue(browser.path().startsWith("/login"), browser.path());

        browser.logIn("guest", "guest-demo");
        browser.awaitText(By.id("messages"), "Your account has no access to this service yet");
    }

    @Test
    void theSessionIdChangesAtLogin() {
        browser.go("/login.xhtml");
        String before = browser.cookie("JSESSIONID");
        assertNotNull(before, "the login page's view state lives in a session");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        String after = browser.cookie("JSESSIONID");
        assertNotNull(after);
        assertNotEquals(sessionId(before), sessionId(after));
    }

    @Test
    void aSignedInPageSendsAnAnonymousVisitorToTheLoginPage() {
        browser.go("/tokens/index.xhtml");
        browser.awaitPath("/login");
        assertEquals("Log in", browser.heading());
    }

    @Test
    void logoutRevokesTheWebSessionToken() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        String key = browser.visible(By.xpath("//*[@id='tokens:session']//tr[.//*[normalize-space(.)='This session']]"
                + "//code")).getText();
        assertEquals(200, Api.send("GET", "/users/astronomer/tokens/" + key, BOOTSTRAP, null).statusCode());

        browser.menu("Log out");
        browser.awaitPath("/login");
        browser.awaitText(By.id("logged-out"), "You have logged out.");
        assertEquals(404, Api.send("GET", "/users/astronomer/tokens/" + key, BOOTSTRAP, null).statusCode());
        browser.go("/tokens/index.xhtml");
        browser.awaitPath("/login");
    }

    @Test
    void aSessionRevokedElsewhereEndsTheWebLogin() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        String key = browser.visible(By.xpath("//*[@id='tokens:session']//tr[.//*[normalize-space(.)='This session']]"
                + "//code")).getText();
        assertEquals(204, Api.send("DELETE", "/users/astronomer/tokens/" + key, BOOTSTRAP, null).statusCode());

        browser.driver().navigate().refresh();
        browser.awaitPath("/login");
        browser.awaitText(By.id("expired"), "Your session has ended.");
    }

    /** The id without Liberty's clone suffix, which stays the same across a session id change. */
    private static String sessionId(String cookie) {
        int colon = cookie.indexOf(':');
        return colon < 0 ? cookie : cookie.substring(0, colon);
    }

    private boolean alertShows() {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(1)).until(ExpectedConditions.alertIsPresent());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }
}
