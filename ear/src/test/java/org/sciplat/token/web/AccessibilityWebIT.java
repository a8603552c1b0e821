package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sciplat.it.Api;
import org.sciplat.it.Browser;
import org.sciplat.it.InBrowser;

/** The pages work from the keyboard, name every field, and fit a phone, in a real headless Chromium. */
class AccessibilityWebIT extends InBrowser {

    @Test
    void loggingInNeedsNoMouse() {
        browser.go("/login.xhtml");
        tabTo("Skip to content");
        tabTo("login:username").sendKeys("astronomer");
        tabTo("login:password").sendKeys("astronomer-demo", Keys.ENTER);
        browser.awaitPath("/welcome");

        tabTo("menu:user_button").sendKeys(Keys.ENTER);
        browser.visible(By.id("menu:user_menu"));
        browser.visible(By.id("menu:security-tokens")).sendKeys(Keys.ENTER);
        browser.awaitPath("/tokens");
    }

    @Test
    void everyFieldOfTheCreateFormHasALabel() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        browser.click(By.id("tokens:create"));
        browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='On a date']"));
        browser.visible(By.id("create-form:expires_on"));
        List<WebElement> fields = browser.driver().findElements(
                By.cssSelector("#create-form input:not([type=hidden]), #create-form select, #create-form textarea"));
        assertTrue(fields.size() >= 10, "name, six scopes, six expiries and a date: " + fields.size());
        for (WebElement field : fields) {
            String id = field.getAttribute("id");
            boolean labelled = field.getAttribute("aria-label") != null
                    || field.getAttribute("aria-labelledby") != null
                    || !browser.driver().findElements(By.cssSelector("label[for='" + id + "']")).isEmpty();
            assertTrue(labelled, "no label for " + id);
        }
    }

    @Test
    void theTokenPageFitsANarrowScreen() {
        try (Browser phone = Browser.openNarrow()) {
            phone.logIn("astronomer", "astronomer-demo");
            phone.awaitPath("/welcome");
            phone.menu("Security Tokens");
            phone.visible(By.id("tokens:create"));
            long overflow = (Long) phone.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0, overflow, "the page scrolls sideways on a 390 px screen");
        }
    }

    @Test
    void creatingAndRevokingATokenNeedsNoMouse() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        browser.go("/tokens/index.xhtml");
        tabTo("tokens:create").sendKeys(Keys.ENTER);
        WebElement name = browser.visible(By.id("create-form:token_name"));
        browser.awaitFocus("create-form:token_name");
        String tokenName = "keyboard " + System.nanoTime();
        name.sendKeys(tokenName);
        tabTo("create-form:scopes:0").sendKeys(Keys.SPACE);
        String chosen = browser.driver().findElement(By.cssSelector("input[name='create-form:expires']:checked"))
                .getAttribute("id");
        tabTo(chosen).sendKeys(Keys.ARROW_RIGHT);
        tabTo("create-form:submit").sendKeys(Keys.ENTER);
        browser.awaitPath("/tokens/created");
        String token = Api.remember(browser.visible(By.id("copy:new-token")).getText());
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode());

        tabTo("back").sendKeys(Keys.ENTER);
        browser.awaitPath("/tokens");
        String revoke = browser.visible(By.xpath("//*[@id='tokens:user']//tr[.//*[normalize-space(.)='" + tokenName
                + "']]//button[contains(@id,':revoke')]")).getAttribute("id");
        tabTo(revoke).sendKeys(Keys.ENTER);
        browser.visible(By.id("confirm-yes"));
        assertTrue(browser.visible(By.cssSelector(".ui-confirm-dialog-message")).getText().contains(tokenName),
                "the confirmation names the token");
        tabTo("confirm-yes").sendKeys(Keys.ENTER);
        browser.awaitText(By.id("messages"), "Token revoked");
        assertEquals(401, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode());
    }

    @Test
    void theUserMenuClosesOnEscapeAndGivesTheFocusBack() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
        tabTo("menu:user_button").sendKeys(Keys.ENTER);
        browser.visible(By.id("menu:user_menu"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.awaitGone(By.id("menu:user_menu"));
        assertEquals("menu:user_button", browser.driver().switchTo().activeElement().getAttribute("id"));

        // at once, while the menu is still opening (PrimeFaces' own handler then left it open for good)
        WebElement button = browser.driver().switchTo().activeElement();
        button.sendKeys(Keys.ENTER);
        button.sendKeys(Keys.ESCAPE);
        browser.awaitGone(By.id("menu:user_menu"));
        assertEquals("menu:user_button", browser.driver().switchTo().activeElement().getAttribute("id"));
    }

    /** Presses Tab until the element with this id (or, for a link, this text) has the focus. */
    private WebElement tabTo(String idOrText) {
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            if (idOrText.equals(focused.getAttribute("id")) || idOrText.equals(focused.getText())) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError(idOrText + " cannot be reached with the Tab key");
    }
}
