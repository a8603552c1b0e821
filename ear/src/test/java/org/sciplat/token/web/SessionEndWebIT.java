package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.sciplat.it.Api;
import org.sciplat.it.InOneBrowser;

/**
 * A login that ends while its pages are open, in a real headless Chromium: the user is told and sent to log in,
 * never left with a button that does nothing or a page of XML, and a login returns to the page asked for. One
 * Chromium for the class.
 */
class SessionEndWebIT extends InOneBrowser {


    @BeforeEach
    void loggedOut() {
        browser.forgetLogin();
    }

    @Test
    void aLoginReturnsToThePageAskedFor() {
        browser.go("/history.xhtml");
        browser.awaitPath("/login");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/history");
        assertEquals("Token history", browser.heading());
    }

    @Test
    void creatingATokenAfterTheSessionEndedSendsTheUserToLogInAndBack() {
        openCreateDialog();
        browser.driver().manage().deleteAllCookies();
        browser.click(By.id("create-form:submit"));
        toldToLogInAndReturned();
        assertEquals("Security Tokens", browser.heading());
    }

    @Test
    void revokingAfterTheSessionWasRevokedElsewhereSendsTheUserToLogInAndBack() {
        Api.Session api = Api.login("astronomer", "astronomer-demo");
        Api.remember(Api.createToken(api, "to revoke " + System.nanoTime(), List.of("read:tap"), null));
        browser.go("/tokens/index.xhtml");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/tokens");
        String session = browser.visible(By.xpath(
                "//*[@id='tokens:session']//tr[.//*[normalize-space(.)='This session']]//a[contains(@class,'token-key')]"))
                .getText();
        HttpResponse<String> revoked = Api.send("DELETE", "/users/astronomer/tokens/" + session, api, null);
        assertEquals(204, revoked.statusCode(), revoked.body());

        browser.click(By.cssSelector("#tokens\\:user button[id$=':revoke']"));
        browser.confirm();
        toldToLogInAndReturned();
    }

    @Test
    void aSessionLostWhileTheLoginCookieLastsSendsTheUserToLogInAndBack() {
        openCreateDialog();
        Cookie login = browser.driver().manage().getCookieNamed("LtpaToken2");
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().addCookie(login);
        browser.click(By.id("create-form:submit"));
        toldToLogInAndReturned();
    }

    @Test
    void aPageWhoseStateTheServerNoLongerHasIsLoadedAgainAndSaysSo() {
        openCreateDialog();
        browser.driver().executeScript("document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                + ".forEach(function (state) { state.value = 'gone'; });");
        browser.click(By.id("create-form:submit"));
        browser.awaitText(By.id("messages"), "This page had expired.");
        assertEquals("/tokens?reloaded=true", browser.path());
        assertFalse(browser.visible(By.tagName("body")).getText().contains("Exception"));
    }

    /** The login page says the session has ended, and the login returns to the token list. */
    private static void toldToLogInAndReturned() {
        browser.awaitPath("/login");
        assertTrue(browser.visible(By.id("expired")).getText().contains("Your session has ended"));
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/tokens");
    }

    private static void openCreateDialog() {
        browser.go("/tokens/index.xhtml");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/tokens");
        browser.click(By.id("tokens:create"));
        browser.type(By.id("create-form:token_name"), "lost " + System.nanoTime());
        browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
        browser.awaitQuiet();
    }
}
