package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sciplat.it.Browser;
import org.sciplat.it.InOneBrowser;

/**
 * The Web sessions page, in two real headless Chromiums signed in as one user: each lists both with its browser
 * and address, marks its own, and signing the other out sends that one to the "session ended" login page.
 */
class WebSessionsWebIT extends InOneBrowser {

    private static final By ROWS = By.cssSelector("#sessions\\:list_data tr.session-row");

    @Test
    void signingOutTheOtherSessionsEndsThemAndSaysSo() {
        browser.forgetLogin();
        try (Browser other = Browser.open()) {
            other.go("/sessions");
            other.logIn("observer", "observer-demo");
            other.awaitPath("/sessions");

            browser.go("/sessions");
            browser.logIn("observer", "observer-demo");
            browser.awaitPath("/sessions");
            assertEquals("Web sessions", browser.heading());
            List<WebElement> rows = browser.driver().findElements(ROWS);
            assertTrue(rows.size() >= 2, "both browsers are listed: " + rows.size());
            String mine = rows.get(0).getText();
            assertTrue(mine.contains("This session") && mine.contains("Chrome on Linux") && mine.contains("127.0.0.1"),
                    "the first row is this browser's: " + mine);
            assertTrue(rows.get(1).getText().contains("Chrome on Linux"), rows.get(1).getText());

            browser.click(By.id("sessions:sign-out-others"));
            browser.awaitText(By.id("messages"), "other session");
            assertEquals(1, browser.driver().findElements(ROWS).size(), "only this session is left");

            other.driver().navigate().refresh();
            other.awaitPath("/login");
            other.awaitText(By.id("expired"), "Your session has ended.");
            browser.driver().navigate().refresh();
            assertEquals("Web sessions", browser.heading(), "this session goes on");
        }
    }

    @Test
    void oneOtherSessionIsSignedOutByItsButton() {
        browser.forgetLogin();
        try (Browser other = Browser.open()) {
            other.logIn("observer", "observer-demo");
            other.awaitPath("/welcome");
            browser.logIn("observer", "observer-demo");
            browser.awaitPath("/welcome");
            browser.menu("Web sessions");
            browser.awaitPath("/sessions");
            int before = browser.driver().findElements(ROWS).size();
            // this browser's row first, then the newest: the other browser's
            browser.click(By.xpath("(//tbody[@id='sessions:list_data']/tr[contains(@class,'session-row')])[2]"
                    + "//button[contains(@id,':sign-out')]"));
            browser.awaitText(By.id("messages"), "is signed out");
            assertEquals(before - 1, browser.driver().findElements(ROWS).size());

            other.go("/tokens");
            other.awaitPath("/login");
            other.awaitText(By.id("expired"), "Your session has ended.");
        }
    }
}
