package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sciplat.it.Api;
import org.sciplat.it.InOneBrowser;
import org.sciplat.it.Json;

/**
 * The administrator's user look-up in a real headless Chromium: names suggested from their first letters, an
 * unknown name told apart from a user without tokens, and the list with each token's type. One Chromium.
 */
class AdminLookupWebIT extends InOneBrowser {

    @BeforeAll
    static void asAdministrator() {
        browser.forgetLogin();
        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
    }

    @Test
    void namesAreSuggestedAsTheyAreTyped() {
        browser.go("/admin/tokens");
        browser.type(By.id("lookup:user_input"), "astro");
        String suggestions = browser.visible(By.id("lookup:user_panel")).getText();
        assertTrue(suggestions.contains("astronomer"), suggestions);
        browser.click(By.xpath("//*[@id='lookup:user_panel']//li[normalize-space(.)='astronomer']"));
        browser.click(By.id("lookup:show"));
        browser.awaitText(By.id("lookup:result"), "Tokens of astronomer");
    }

    @Test
    void anUnknownNameIsToldApartFromAUserWithoutTokens() {
        browser.go("/admin/tokens?user=nobody-here");
        assertEquals("There is no user named nobody-here.", browser.visible(By.id("lookup:unknown")).getText());

        // guest is in the directory and, in no group with a scope, can hold no token
        browser.go("/admin/tokens?user=guest");
        browser.awaitText(By.id("lookup:result"), "guest has no tokens.");
    }

    @Test
    void theListShowsEachTokensTypeAPageAtATime() {
        String bot = "bot-paged-" + System.nanoTime();
        Api.Session admin = Api.login("admin", "admin-demo");
        for (int i = 0; i < 26; i++) {
            HttpResponse<String> created = Api.send("POST", "/tokens", admin, "{\"username\": \"" + bot
                    + "\", \"token_type\": \"service\", \"scopes\": [\"read:tap\"]}");
            assertEquals(201, created.statusCode(), created.body());
            Api.remember(Json.object(created.body()).getString("token"));
        }
        browser.go("/admin/tokens?user=" + bot);
        By rows = By.cssSelector("#lookup\\:tokens_data tr.token-row");
        browser.visible(rows);
        assertEquals(25, browser.driver().findElements(rows).size(), "a page of 25");
        assertTrue(browser.driver().findElements(rows).stream().allMatch(row -> row.getText().contains("service")),
                "each row names its type");
        browser.click(By.xpath("//*[@id='lookup:tokens_paginator_bottom']"
                + "//*[contains(@class,'ui-paginator-page') and normalize-space(.)='2']"));
        browser.awaitText(By.id("lookup:tokens"), "service");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(rows).size() == 1);
    }
}
