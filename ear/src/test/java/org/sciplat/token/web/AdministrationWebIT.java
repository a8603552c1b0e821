package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sciplat.it.Api;
import org.sciplat.it.InBrowser;
import org.sciplat.it.Json;

/** The administration pages, for holders of admin:token, in a real headless Chromium. */
class AdministrationWebIT extends InBrowser {

    @Test
    void anAdministratorRevokesAnotherUsersToken() {
        // a user of its own, whose list is one page whatever other tests leave behind
        String bot = "bot-revoked-" + System.nanoTime();
        HttpResponse<String> created = Api.send("POST", "/tokens", Api.login("admin", "admin-demo"),
                "{\"username\": \"" + bot + "\", \"token_type\": \"service\", \"scopes\": [\"read:tap\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String token = Api.remember(Json.object(created.body()).getString("token"));

        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
        browser.menu("Administration: tokens");
        browser.awaitPath("/admin/tokens");
        browser.type(By.id("lookup:user_input"), bot);
        browser.click(By.id("lookup:show"));
        By row = By.xpath("//*[@id='lookup:tokens']//tr[.//code[normalize-space(.)='" + Api.key(token) + "']]");
        browser.visible(row).findElement(By.cssSelector("button[id$=':revoke']")).click();
        browser.confirm();
        browser.awaitGone(row);
        browser.awaitText(By.id("messages"), "Token revoked");

        HttpResponse<String> refused = Api.send("GET", "/token-info", Api.bearer(token), null);
        assertEquals(401, refused.statusCode(), refused.body());
    }

    @Test
    void anAdministratorCreatesAServiceTokenForABot() {
        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
        browser.menu("Administration: tokens");
        browser.click(By.id("issue"));
        browser.awaitPath("/admin/create");
        browser.type(By.id("issue:username"), "bot-pipeline");
        browser.click(By.xpath("//*[@id='issue:token_type']//label[normalize-space(.)='service']"));
        browser.awaitGone(By.id("issue:token_name"));
        browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
        browser.click(By.xpath("//*[@id='issue:expires']//label[normalize-space(.)='Never']"));
        browser.click(By.id("issue:submit"));
        browser.awaitPath("/tokens/created");
        String token = Api.remember(browser.visible(By.id("copy:new-token")).getText());

        HttpResponse<String> info = Api.send("GET", "/token-info", Api.bearer(token), null);
        assertEquals(200, info.statusCode(), info.body());
        JsonObject json = Json.object(info.body());
        assertEquals("bot-pipeline", json.getString("username"));
        assertEquals("service", json.getString("token_type"));
        assertFalse(json.containsKey("expires") && !json.isNull("expires"), "it expires: " + info.body());
    }

    @Test
    void aRuleTokenCoreEnforcesIsShownNextToTheFieldItConcerns() {
        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
        browser.menu("Administration: tokens");
        browser.click(By.id("issue"));
        browser.type(By.id("issue:username"), "astronomer");
        browser.click(By.xpath("//*[@id='issue:token_type']//label[normalize-space(.)='service']"));
        browser.awaitGone(By.id("issue:token_name"));
        browser.click(By.id("issue:submit"));
        browser.awaitText(By.xpath("//*[@id='issue:username']/following-sibling::*[contains(@class,'ui-message')]"),
                "Service tokens are for bot- users only");
        assertTrue(browser.path().startsWith("/admin/create"), browser.path());
    }

    @Test
    void aBookmarkedAdministrationPageLoadsAtItsAddressAndItsOldOne() {
        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
        browser.go("/admin/tokens?user=observer");
        assertEquals("Tokens of any user", browser.heading());
        browser.visible(By.xpath("//h2[normalize-space(.)='Tokens of observer']"));
        browser.go("/admin/tokens.xhtml?user=observer");
        assertEquals("/admin/tokens?user=observer", browser.path());
        browser.visible(By.xpath("//h2[normalize-space(.)='Tokens of observer']"));
    }

    @Test
    void theGlobalHistoryFiltersByUser() {
        Api.Session observer = Api.login("observer", "observer-demo");
        String name = "history probe " + System.nanoTime();
        String key = Api.key(Api.createToken(observer, name, List.of("read:image"), null));

        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
        browser.menu("Administration: history");
        browser.awaitPath("/admin/history");
        browser.type(By.id("history:username"), "observer");
        browser.type(By.id("history:key"), key);
        browser.click(By.id("history:search"));
        // "Matching changes: 1" is also how the unfiltered total of a busy server begins
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("#history\\:changes_data tr")).size() == 1);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#history\\:changes_data tr"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains(name), rows.get(0).getText());
    }

    @Test
    void aUserWithoutAdminTokenHasNoAdministrationMenuAndCannotOpenItsPages() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.click(By.id("menu:user_button"));
        String menu = browser.visible(By.id("menu:user_menu")).getText();
        assertTrue(menu.contains("Security Tokens"), menu);
        assertFalse(menu.contains("Administration"), menu);

        for (String page : List.of("/admin/tokens?user=observer", "/admin/tokens.xhtml?user=observer",
                "/admin/history", "/admin/create")) {
            browser.go(page);
            assertEquals("Not allowed", browser.heading(), page);
            assertFalse(browser.driver().getPageSource().contains("Tokens of observer"), page);
        }
    }
}
