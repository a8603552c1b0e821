package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sciplat.it.Api;
import org.sciplat.it.InOneBrowser;
import org.sciplat.it.WebForm;

/**
 * The pages' addresses without ".xhtml", the old addresses that bookmarks hold, the application's own "Page not
 * found" and "Not allowed" pages, in a real headless Chromium. One Chromium for the class.
 */
class PageAddressesWebIT extends InOneBrowser {

    @Test
    void eachPageOpensAtItsAddressAndItsOldAddressLeadsThere() {
        browser.forgetLogin();
        browser.go("/history");
        browser.awaitPath("/login");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/history");
        assertEquals("Token history", browser.heading(), "the login returned to the page asked for");

        Map<String, String> headings = Map.of("/tokens", "Security Tokens", "/history", "Token history",
                "/sessions", "Web sessions", "/welcome", "Welcome, astronomer");
        headings.forEach((address, heading) -> {
            browser.go(address);
            assertEquals(heading, browser.heading(), address);
        });
        for (String old : List.of("/tokens/index.xhtml", "/history.xhtml", "/welcome.xhtml", "/sessions.xhtml")) {
            browser.go(old + "?x=1");
            assertEquals(old.replaceFirst("(/index)?\\.xhtml$", "") + "?x=1", browser.path(), old);
        }

        browser.menu("Security Tokens");
        browser.awaitPath("/tokens");
        assertEquals("/tokens", browser.path(), "the menu links to the address");
        String key = Api.key(Api.remember(Api.createToken(Api.login("astronomer", "astronomer-demo"),
                "address " + System.nanoTime(), List.of("read:tap"), null)));
        browser.go("/tokens/" + key);
        assertEquals(key, browser.visible(By.id("token-key")).getText());
        browser.go("/tokens/token.xhtml?key=" + key);
        assertEquals("/tokens/" + key, browser.path());
        browser.go("/tokens");
        // found by its key wherever the user's other tokens put it in the list
        browser.type(By.id("tokens:search"), key);
        browser.awaitQuiet();
        browser.click(By.xpath("//a[contains(@class,'token-key')][normalize-space(.)='" + key + "']"));
        browser.awaitPath("/tokens/" + key);
    }

    /** Each signed-in page against each kind of visitor: sent to log in, not allowed, not found, or shown. */
    @Test
    void everyPageAgainstEveryVisitor() {
        HttpClient anonymous = WebForm.plain();
        HttpClient user = WebForm.browser();
        WebForm.logIn(user, "observer", "observer-demo");
        HttpClient admin = WebForm.browser();
        WebForm.logIn(admin, "admin", "admin-demo");
        String unknownKey = "/tokens/AAAAAAAAAAAAAAAAAAAAAA";
        for (String page : List.of("/tokens", "/history", "/sessions", "/welcome", "/admin/tokens", "/admin/history",
                "/admin/create", unknownKey)) {
            HttpResponse<String> refused = get(anonymous, page);
            assertEquals(302, refused.statusCode(), page);
            assertTrue(refused.headers().firstValue("Location").orElse("").endsWith("/login"), page);
            boolean forAdmins = page.startsWith("/admin/");
            int expected = page.equals(unknownKey) ? 404 : 200;
            assertEquals(forAdmins ? 403 : expected, get(user, page).statusCode(), "observer on " + page);
            assertEquals(expected, get(admin, page).statusCode(), "admin on " + page);
        }
        assertEquals(404, get(user, "/sessions/more").statusCode());
    }

    private static HttpResponse<String> get(HttpClient client, String page) {
        return WebForm.send(client, HttpRequest.newBuilder(URI.create(WebForm.HTTPS_URL + page)).build());
    }

    @Test
    void anUnknownAddressHasTheApplicationsOwnPageNotFound() {
        browser.forgetLogin();
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        for (String address : List.of("/no-such-page", "/no-such-page.xhtml", "/tokens/no/such/page",
                "/tokens/AAAAAAAAAAAAAAAAAAAAAA", "/history/more")) {
            browser.go(address);
            assertEquals("Page not found", browser.heading(), address);
        }
    }

    @Test
    void aUserWhoIsNoAdministratorIsNotAllowedOnTheAdministrationPages() {
        browser.forgetLogin();
        browser.logIn("observer", "observer-demo");
        browser.awaitPath("/welcome");
        for (String page : List.of("/admin/tokens", "/admin/history", "/admin/create", "/admin/tokens.xhtml")) {
            browser.go(page);
            assertEquals("Not allowed", browser.heading(), page);
        }
    }
}
