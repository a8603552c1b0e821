package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.sciplat.it.Api;
import org.sciplat.it.Axe;
import org.sciplat.it.InOneBrowser;

/**
 * Deque's axe-core finds nothing wrong (WCAG 2.1 A and AA, colour contrast included, and its best practices) on
 * every page of the web UI in every state a user meets: logged out, each list, the create dialog with its date
 * field and its refusals, the confirmation, the new token, a token's page, history, the administration pages and
 * the error pages; at a desktop's size and a phone's. One Chromium for the class.
 */
class AxeWebIT extends InOneBrowser {


    private final List<String> found = new ArrayList<>();

    @Test
    void theUsersPagesHaveNoViolations() {
        browser.forgetLogin();
        browser.go("/");
        audit("home page, logged out");
        browser.go("/login.xhtml");
        audit("login page");
        browser.logIn("astronomer", "wrong password");
        browser.visible(By.cssSelector("#messages .message-error"));
        audit("login page, refused");
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        audit("welcome page");
        browser.click(By.id("menu:user_button"));
        browser.visible(By.id("menu:user_menu"));
        audit("user menu open");

        browser.go("/tokens/index.xhtml");
        audit("token list");
        browser.click(By.id("tokens:create"));
        browser.visible(By.id("create-form:token_name"));
        audit("create dialog");
        browser.click(By.id("create-form:submit"));
        browser.visible(By.id("create-form:token_name_message"));
        browser.awaitText(By.id("create-form:token_name_message"), "name");
        audit("create dialog, refused");
        browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='On a date']"));
        browser.visible(By.id("create-form:expires_on"));
        audit("create dialog, on a date");
        browser.type(By.id("create-form:token_name"), "axe " + System.nanoTime());
        browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
        browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='7 days']"));
        browser.click(By.id("create-form:submit"));
        browser.awaitPath("/tokens/created");
        Api.remember(browser.visible(By.id("copy:new-token")).getText());
        audit("new token");

        browser.go("/tokens/index.xhtml");
        browser.click(By.cssSelector("#tokens\\:user button[id$=':revoke']"));
        browser.visible(By.id("confirm-yes"));
        audit("revoke confirmation");
        browser.driver().navigate().refresh();
        browser.click(By.cssSelector("#tokens\\:user a.token-key"));
        browser.awaitPath("/tokens/");
        audit("token details");
        Api.Session api = Api.login("astronomer", "astronomer-demo");
        String edited = Api.remember(Api.createToken(api, "edited " + System.nanoTime(), List.of("read:tap"), null));
        HttpResponse<String> edit = Api.send("PATCH", "/users/astronomer/tokens/" + Api.key(edited),
                Api.login("admin", "admin-demo"),
                "{\"scopes\": [\"read:image\"]}");
        assertEquals(200, edit.statusCode(), edit.body());
        browser.go("/history.xhtml");
        String editRow = browser.visible(By.xpath("//tr[.//a[normalize-space(.)='" + Api.key(edited) + "']]"
                + "[contains(., 'was')]")).getText();
        assertTrue(editRow.contains("was read:tap"), "an edit shows the scopes it replaced: " + editRow);
        audit("history");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.go("/tokens/index.xhtml");
        audit("token list, phone");
        browser.click(By.id("tokens:create"));
        browser.visible(By.id("create-form:token_name"));
        audit("create dialog, phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        browser.go("/no-such-page");
        assertEquals("Page not found", browser.heading());
        audit("page not found");
        assertEquals("", String.join("\n", found));
    }

    @Test
    void theAdministrationPagesHaveNoViolations() {
        browser.forgetLogin();
        browser.logIn("admin", "admin-demo");
        browser.awaitPath("/welcome");
        browser.menu("Administration: tokens");
        browser.awaitPath("/admin/tokens");
        audit("administration: tokens");
        browser.type(By.id("lookup:user_input"), "astronomer");
        browser.click(By.id("lookup:show"));
        browser.visible(By.id("lookup:tokens"));
        audit("administration: a user's tokens");
        browser.click(By.id("issue"));
        browser.awaitPath("/admin/create");
        audit("administration: create");
        browser.menu("Administration: history");
        browser.awaitPath("/admin/history");
        audit("administration: history");

        browser.go("/admin/tokens?user=no-such-user");
        assertEquals("Tokens of any user", browser.heading(), "an administration page from a bookmark");
        browser.visible(By.id("lookup:unknown"));
        audit("administration: no such user");
        browser.go("/sessions");
        browser.visible(By.id("sessions:list"));
        audit("web sessions");

        browser.forgetLogin();
        browser.logIn("observer", "observer-demo");
        browser.awaitPath("/welcome");
        browser.go("/admin/tokens");
        assertEquals("Not allowed", browser.heading());
        audit("not allowed");
        assertEquals("", String.join("\n", found));
    }

    private void audit(String state) {
        String violations = Axe.violations(browser);
        if (!violations.isEmpty()) {
            found.add("== " + state + " (" + browser.path() + ")\n" + violations);
        }
    }
}
