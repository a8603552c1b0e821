package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;
import org.sciplat.it.Api;
import org.sciplat.it.InBrowser;
import org.sciplat.it.Json;

/**
 * The Security Tokens page as a user meets it, in a real headless Chromium: from logging in to a token that works
 * against the API, is never shown twice, and stops working when revoked.
 */
class SecurityTokensIT extends InBrowser {

    @Test
    void createUseAndRevokeAToken() {
        browser.go("/login.xhtml");
        browser.screenshot("login");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        assertEquals("Welcome, astronomer", browser.heading());

        WebElement menuButton = browser.visible(By.id("menu:user_button"));
        Point corner = menuButton.getLocation();
        Dimension window = browser.driver().manage().window().getSize();
        assertTrue(corner.getX() > window.getWidth() / 2 && corner.getY() < 120,
                "the user menu is at the upper right, not at " + corner);
        browser.menu("Security Tokens");
        browser.awaitPath("/tokens");
        assertEquals("Security Tokens", browser.heading());
        List<String> sections = browser.driver().findElements(By.cssSelector("section.tokens h2")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("User Tokens", "Web Sessions", "Notebook", "Internal", "Ended Lately"), sections);
        browser.visible(By.xpath("//*[@id='tokens:session']//*[normalize-space(.)='This session']"));

        String name = "topcat " + System.nanoTime();
        browser.click(By.id("tokens:create"));
        browser.type(By.id("create-form:token_name"), name);
        browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
        browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='7 days']"));
        browser.screenshot("create-dialog");
        browser.click(By.id("create-form:submit"));
        browser.awaitPath("/tokens/created");
        String token = browser.visible(By.id("copy:new-token")).getText();
        Api.remember(token);
        assertTrue(token.matches("gt-[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}"), token);
        assertTrue(browser.visible(By.id("once")).getText().contains("shown only this once"));
        assertTrue(browser.visible(By.id("curl-example")).getText().contains("Authorization: Bearer"));
        assertTrue(browser.driver().getPageSource().contains("x-oauth-basic"));
        browser.screenshot("one-time-display");
        browser.click(By.id("copy:copy-button"));
        browser.awaitText(By.id("copy:copy-status"), "Copied to the clipboard.");

        HttpResponse<String> info = Api.send("GET", "/token-info", Api.bearer(token), null);
        assertEquals(200, info.statusCode(), info.body());
        JsonObject json = Json.object(info.body());
        assertEquals(name, json.getString("token_name"));
        assertEquals(List.of("read:tap"), json.getJsonArray("scopes").getValuesAs(JsonString::getString));
        long sevenDays = Instant.now().plus(Duration.ofDays(7)).getEpochSecond();
        assertTrue(Math.abs(json.getJsonNumber("expires").longValue() - sevenDays) < 600, info.body());

        browser.driver().navigate().refresh();
        browser.visible(By.id("gone"));
        assertFalse(browser.driver().getPageSource().contains(token), "a reload shows the token again");
        browser.driver().navigate().back();
        assertFalse(browser.driver().getPageSource().contains(token), "going back shows the token again");
        browser.driver().navigate().forward();
        browser.visible(By.id("gone"));
        assertFalse(browser.driver().getPageSource().contains(token), "going forward shows the token again");

        browser.menu("Security Tokens");
        By row = By.xpath("//*[@id='tokens:user']//tr[.//*[contains(@class,'token-name') and normalize-space(.)='"
                + name + "']]");
        assertTrue(browser.visible(row).getText().contains("read:tap"));
        assertTrue(browser.visible(row).getText().contains("in 7 days"), browser.visible(row).getText());
        browser.screenshot("token-list");
        browser.visible(row).findElement(By.cssSelector("button[id$=':revoke']")).click();
        browser.confirm();
        browser.awaitGone(row);
        browser.awaitText(By.id("messages"), "Token revoked");

        HttpResponse<String> revoked = Api.send("GET", "/token-info", Api.bearer(token), null);
        assertEquals(401, revoked.statusCode(), revoked.body());
    }

    @Test
    void aTokenPageShowsItsFieldsTheTokensMadeFromItAndItsHistory() {
        Api.Session session = Api.login("astronomer", "astronomer-demo");
        HttpResponse<String> notebook = Api.send("POST", "/notebook-token", Api.bearer(session.token()), "{}");
        assertEquals(200, notebook.statusCode(), notebook.body());
        String notebookKey = Api.key(Api.remember(Json.object(notebook.body()).getString("token")));
        String sessionKey = Api.key(session.token());

        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        browser.visible(By.xpath("//*[@id='tokens:notebook']//code[normalize-space(.)='" + notebookKey + "']"));
        browser.click(By.xpath("//*[@id='tokens:session']//a[normalize-space(.)='" + sessionKey + "']"));
        browser.awaitPath("/tokens/");
        assertEquals(sessionKey, browser.visible(By.id("token-key")).getText());
        assertEquals(List.of(notebookKey), browser.driver().findElements(By.cssSelector("#detail\\:children code"))
                .stream().map(WebElement::getText).toList());
        String history = browser.visible(By.id("detail:history")).getText();
        assertTrue(history.contains(sessionKey) && history.contains(notebookKey), history);
        assertTrue(history.contains("create"), history);
    }

    @Test
    void aDuplicateNameIsReportedBeforeTheFormIsSent() {
        Api.Session session = Api.login("astronomer", "astronomer-demo");
        String name = "taken " + System.nanoTime();
        Api.createToken(session, name, List.of("read:tap"), null);

        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        browser.click(By.id("tokens:create"));
        browser.type(By.id("create-form:token_name"), name);
        browser.awaitText(By.id("create-form:token_name_message"), "You already have a token named");
        assertTrue(browser.path().startsWith("/tokens"), "nothing was sent: " + browser.path());
    }

    @Test
    void theCreateFormOffersOnlyTheUsersOwnScopes() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        browser.click(By.id("tokens:create"));
        List<String> offered = browser.driver().findElements(By.cssSelector("#create-form\\:scopes label")).stream()
                .map(label -> label.getText().split(": ")[0])
                .toList();
        assertTrue(offered.contains("read:tap"), offered.toString());
        assertFalse(offered.contains("admin:token"), "astronomer does not hold admin:token: " + offered);
    }
}
