package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.sciplat.it.Api;
import org.sciplat.it.InOneBrowser;

/**
 * The Create Token dialog on a phone (390x844) and a desktop (1440x900), in a real headless Chromium: it fits the
 * window, and every control (close, name, each scope, each expiry, the date once "On a date" is chosen, Create and
 * Cancel) can be brought into view and is the element a click there lands on. One Chromium for the class.
 */
class CreateDialogWebIT extends InOneBrowser {


    @BeforeAll
    static void logIn() {
        browser.logIn("astronomer", "astronomer-demo");
        browser.awaitPath("/welcome");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390, 844", "1440, 900"})
    void everyControlIsReachableAndClickable(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
        browser.go("/tokens/index.xhtml");
        browser.click(By.id("tokens:create"));
        browser.visible(By.id("create-form:token_name"));
        browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='On a date']"));
        browser.visible(By.id("create-form:expires_on"));
        browser.screenshot("create-dialog-" + width + "x" + height);

        WebElement dialog = browser.visible(By.id("create-dialog"));
        // where the window shows it: Selenium's rectangle counts from the page's top, which the page may be
        // scrolled from (a banner of expiring tokens makes the list longer than the window)
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) browser.driver().executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                        width: document.documentElement.clientWidth, height: window.innerHeight};
                """, dialog);
        assertTrue(box.get("left").doubleValue() >= 0 && box.get("right").doubleValue() <= box.get("width")
                .doubleValue(), "the dialog is wider than the window: " + box);
        assertTrue(box.get("top").doubleValue() >= 0 && box.get("bottom").doubleValue() <= box.get("height")
                .doubleValue(), "the dialog is taller than the window: " + box);

        List<WebElement> controls = new ArrayList<>();
        controls.add(dialog.findElement(By.cssSelector(".ui-dialog-titlebar-close")));
        controls.addAll(dialog.findElements(By.cssSelector("input:not([type=hidden]), label, button, .ui-chkbox-box")));
        assertTrue(controls.size() > 20, "close, name, scopes, expiries, date, buttons: " + controls.size());
        List<String> unreachable = new ArrayList<>();
        for (WebElement control : controls) {
            if (!control.isDisplayed()) {
                // PrimeFaces' own check boxes hide the input and show a box (among the controls) in its place
                continue;
            }
            Object hit = browser.driver().executeScript("""
                    const e = arguments[0];
                    e.scrollIntoView({block: 'nearest', inline: 'nearest'});
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) { return true; }
                    const x = r.left + Math.min(r.width / 2, 10), y = r.top + r.height / 2;
                    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) { return false; }
                    const at = document.elementFromPoint(x, y);
                    return at !== null && (e.contains(at) || at.contains(e)
                        || (e.tagName === 'LABEL' && at === document.getElementById(e.htmlFor)));
                    """, control);
            if (!Boolean.TRUE.equals(hit)) {
                unreachable.add(control.getTagName() + "#" + control.getAttribute("id") + " '" + control.getText() + "'");
            }
        }
        assertEquals(List.of(), unreachable, "controls that cannot be clicked at " + width + "x" + height);

        String name = "sized " + width + " " + System.nanoTime();
        browser.type(By.id("create-form:token_name"), name);
        browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
        browser.click(By.xpath("//*[@id='create-form:expires']//label[normalize-space(.)='30 days']"));
        browser.click(By.id("create-form:submit"));
        browser.awaitPath("/tokens/created");
        Api.remember(browser.visible(By.id("copy:new-token")).getText());
        assertEquals(name, browser.visible(By.id("new-token-name")).getText());
    }
}
