package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sciplat.it.Api;
import org.sciplat.it.InBrowser;

/**
 * A token near its expiry as its owner meets it in Chromium: announced in a banner and marked in the list, its page
 * showing where it was used, and rotated from there, the new secret shown once and the old one stopped.
 */
class TokenLifecycleWebIT extends InBrowser {

    @Test
    void aTokenAboutToExpireIsAnnouncedMarkedShowsItsUsesAndRotatesFromItsPage() throws InterruptedException {
        Api.Session observer = Api.login("observer", "observer-demo");
        String name = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Api.createToken(observer, name, List.of("read:tap"),
                Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).getEpochSecond());
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode());

        browser.logIn("observer", "observer-demo");
        browser.awaitPath("/welcome");
        browser.menu("Security Tokens");
        // the banner names the soonest three; the others after a click on "N more"
        assertTrue(browser.driver().findElements(By.cssSelector("#expiry-banner > ul > li")).size() <= 3);
        browser.driver().findElements(By.cssSelector("#expiry-later summary")).forEach(WebElement::click);
        String banner = browser.visible(By.id("expiry-banner")).getText();
        assertTrue(banner.contains(name + " expires in 3 days"), banner);
        String row = "//tr[.//*[@class='token-name' and normalize-space(.)='" + name + "']]";
        // a mark that a screen reader says in words
        assertEquals("expires soon", browser.visible(By.xpath(row + "//*[@class='expiring']"))
                .getAttribute("textContent").strip());
        // the banner and the list say when in the same words
        assertEquals("in 3 days", browser.visible(By.xpath(row + "//time[@datetime][following-sibling::*"
                + "[@class='expiring']]")).getText());

        browser.click(By.xpath("//*[@id='expiry-banner']//a[normalize-space(.)='" + name + "']"));
        browser.awaitPath("/tokens/");
        // uses are stored every 2 s on the test server; the page shows what is stored
        Instant end = Instant.now().plusSeconds(15);
        while (!browser.visible(By.id("detail:uses")).getText().contains("127.0.0.1")
                && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            browser.driver().navigate().refresh();
        }
        String uses = browser.visible(By.id("detail:uses")).getText();
        assertTrue(uses.contains("127.0.0.1") && uses.contains("API"), uses);

        browser.click(By.id("detail:rotate"));
        browser.confirm();
        browser.awaitPath("/tokens/created");
        String rotated = browser.visible(By.id("copy:new-token")).getText();
        assertEquals(Api.key(token), Api.key(rotated), "the same token, a new secret");
        assertEquals(name, browser.visible(By.id("new-token-name")).getText());
        assertEquals(200, Api.send("GET", "/token-info", Api.bearer(Api.remember(rotated)), null).statusCode());
        assertEquals(401, Api.send("GET", "/token-info", Api.bearer(token), null).statusCode(),
                "no grace period chosen: the old secret stops at once");
    }
}
