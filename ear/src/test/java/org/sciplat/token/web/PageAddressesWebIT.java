package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sciplat.it.Api;
import org.sciplat.it.InOneBrowser;

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
        browser.click(By.xpath("//a[contains(@class,'token-key')][normalize-space(.)='" + key + "']"));
        browser.awaitPath("/tokens/" + key);
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
