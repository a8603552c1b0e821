package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.sciplat.it.Api;
import org.sciplat.it.Axe;
import org.sciplat.it.InOneBrowser;
import org.sciplat.it.Json;

/**
 * The user's own token list in Chromium: search, sort and pages of 25 over 30 tokens of this run, a description
 * from the create dialog to the list and the token's page, the token just created marked, the revoke confirmation
 * naming the token, a token without scopes refused by the form, and each row one line high on a wide screen;
 * axe-core finds nothing wrong in any of these states. One Chromium for the class.
 */
class TokenListWebIT extends InOneBrowser {

    private static final String USER = "observer";
    private static final String PASSWORD = "observer-demo";
    private static final int TOKENS = 30;
    /** Names this run's tokens apart from every other test's: "list RUN 07". */
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final By ROWS = By.cssSelector("#tokens\\:user tbody tr.token-row");
    private static final By REPORT = By.cssSelector("#tokens\\:user .ui-paginator-current");

    private static Api.Session api;
    private static final List<String> made = new ArrayList<>();
    private final List<String> found = new ArrayList<>();

    @BeforeAll
    static void thirtyTokens() {
        api = Api.login(USER, PASSWORD);
        for (int i = 0; i < TOKENS; i++) {
            String body = String.format(Locale.ROOT, "{\"token_name\": \"list %s %02d\", \"description\": "
                    + "\"row %02d of the list\", \"scopes\": [\"read:tap\"]}", RUN, i, i);
            HttpResponse<String> created = Api.send("POST", "/users/" + USER + "/tokens", api, body);
            assertEquals(201, created.statusCode(), created.body());
            made.add(Api.remember(Json.object(created.body()).getString("token")));
        }
    }

    @AfterAll
    static void revokeThem() {
        for (String token : made) {
            Api.send("DELETE", "/users/" + USER + "/tokens/" + Api.key(token), api, null);
        }
    }

    @BeforeEach
    void list() {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.go("/tokens");
        if (browser.path().startsWith("/login")) {
            browser.logIn(USER, PASSWORD);
            browser.awaitPath("/tokens");
        }
        browser.visible(By.id("tokens:user"));
    }

    @Test
    void searchNarrowsTheListAndItsPagesSortByEachColumn() {
        assertTrue(browser.driver().findElements(ROWS).size() <= 25, "a page holds 25 rows at most");

        search("list " + RUN);
        assertEquals(25, rows().size(), names().toString());
        browser.awaitText(REPORT, "1–25 of 30");
        audit("token list, searched, first of two pages");

        sortBy("Name");
        browser.awaitText(firstRow(), "list " + RUN + " 00");
        assertEquals("list " + RUN + " 24", names().get(24));
        sortBy("Name");
        browser.awaitText(firstRow(), "list " + RUN + " 29");
        audit("token list, sorted");

        browser.click(By.cssSelector("#tokens\\:user .ui-paginator-next"));
        browser.awaitText(REPORT, "26–30 of 30");
        assertEquals(List.of("04", "03", "02", "01", "00"),
                names().stream().map(name -> name.substring(name.length() - 2)).toList(), "page 2, descending");
        audit("token list, second page");

        search("list " + RUN + " 2");
        assertEquals(10, rows().size(), "a new search starts at its first page: " + names());
        assertTrue(browser.driver().findElements(REPORT).stream().noneMatch(WebElement::isDisplayed),
                "no pager for one page");

        search("row 07 of the list");
        assertEquals(List.of("list " + RUN + " 07"), names(), "the description is searched too");
        assertEquals("row 07 of the list", description(rows().get(0)));

        search("nothing is named like this " + RUN);
        browser.awaitText(By.id("tokens:user"), "No user token matches the search.");
        assertEquals("", String.join("\n", found));
    }

    @Test
    void eachRowIsOneLineHighOnAWideScreen() {
        search("list " + RUN);
        // how many lines each cell's content takes, at most, in every row of the page
        Number lines = (Number) browser.driver().executeScript("""
                let most = 0;
                for (const cell of document.querySelectorAll('#tokens\\\\:user tbody tr.token-row > td')) {
                    const style = getComputedStyle(cell);
                    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
                    const content = cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                    most = Math.max(most, content / line);
                }
                return most;
                """);
        browser.screenshot("token-list-1440");
        assertTrue(lines.doubleValue() < 1.9, "a row's cells take " + lines + " lines at 1440 px wide");
    }

    @Test
    void aDescriptionGoesFromTheDialogToTheListAndTheTokensPageAndTheNewTokenIsMarked() {
        String name = "desk " + RUN;
        browser.click(By.id("tokens:create"));
        browser.type(By.id("create-form:token_name"), name);
        browser.type(By.id("create-form:description"), "<b>TOPCAT</b> at my desk");
        browser.click(By.xpath("//label[starts-with(normalize-space(.), 'read:tap:')]"));
        browser.click(By.id("create-form:submit"));
        browser.awaitText(By.id("create-form"), "one line of plain text");
        assertTrue(browser.driver().findElements(By.cssSelector("#create-form b")).isEmpty(),
                "the refused text is shown as text, not markup");
        audit("create dialog, description refused");

        browser.type(By.id("create-form:description"), "TOPCAT at my desk, room 3");
        browser.click(By.id("create-form:submit"));
        browser.awaitPath("/tokens/created");
        made.add(Api.remember(browser.visible(By.id("copy:new-token")).getText()));
        assertEquals("TOPCAT at my desk, room 3", browser.visible(By.id("new-token-description")).getText());

        browser.click(By.id("back"));
        browser.awaitPage("/tokens");
        WebElement first = rows().get(0);
        assertTrue(first.getAttribute("class").contains("just-created"), first.getAttribute("class"));
        assertTrue(first.getText().contains(name), first.getText());
        assertEquals("TOPCAT at my desk, room 3", description(first));
        // in words, not by colour alone (the tag's style writes it in capitals)
        assertEquals("new", first.findElement(By.cssSelector(".new-tag")).getText().toLowerCase(Locale.ROOT));
        WebElement note = browser.visible(By.id("new-token-note"));
        assertEquals("status", note.getAttribute("role"));
        assertTrue(note.getText().contains("“" + name + "”"), note.getText());
        audit("token list, new token marked");
        browser.screenshot("token-list-new-token");

        first.findElement(By.cssSelector("a.token-key")).click();
        browser.awaitPath("/tokens/");
        assertEquals("TOPCAT at my desk, room 3", browser.visible(By.id("token-description")).getText());
        browser.click(By.id("detail:revoke"));
        assertTrue(browser.visible(By.cssSelector(".ui-confirm-dialog-message")).getText().contains("“" + name + "”"),
                "the token's page's confirmation names it too");

        browser.go("/tokens");
        assertTrue(browser.driver().findElements(By.id("new-token-note")).isEmpty(), "marked new once only");
        assertEquals("", String.join("\n", found));
    }

    @Test
    void theRevokeConfirmationNamesTheToken() {
        String name = "revoke " + RUN;
        String token = Api.createToken(api, name, List.of("read:tap"), null);
        made.add(token);
        browser.go("/tokens");
        search(name);
        browser.click(By.cssSelector("#tokens\\:user button[id$=':revoke']"));
        String message = browser.visible(By.cssSelector(".ui-confirm-dialog-message")).getText();
        assertTrue(message.startsWith("“" + name + "” (" + Api.key(token) + ")"), message);
        browser.confirm();
        browser.awaitText(By.id("tokens:user"), "No user token matches the search.");
    }

    @Test
    void aTokenWithoutScopesIsRefusedByTheForm() {
        String name = "bare " + RUN;
        browser.click(By.id("tokens:create"));
        browser.type(By.id("create-form:token_name"), name);
        browser.click(By.id("create-form:submit"));
        browser.awaitText(By.id("create-form"), "Choose at least one scope");
        String describedBy = browser.visible(By.id("create-form:scopes")).getAttribute("aria-describedby");
        assertTrue(describedBy != null && Stream.of(describedBy.split(" "))
                .map(id -> browser.driver().findElement(By.id(id)).getText())
                .anyMatch(text -> text.startsWith("Choose at least one scope")),
                "the refusal is said with the group: " + describedBy);
        assertEquals("/tokens", browser.path().replaceAll("\\?.*", ""));
        audit("create dialog, no scope");
        HttpResponse<String> listed = Api.send("GET", "/users/" + USER + "/tokens", api, null);
        assertFalse(Json.array(listed.body()).stream().map(JsonObject.class::cast)
                .anyMatch(token -> name.equals(token.getString("token_name", null))), "nothing was created");
        assertEquals("", String.join("\n", found));
    }

    private static void search(String text) {
        browser.type(By.id("tokens:search"), text);
        browser.awaitQuiet();
    }

    private static void sortBy(String column) {
        browser.click(By.xpath("//*[@id='tokens:user']//th[.//*[normalize-space(.)='" + column + "']]"));
        browser.awaitQuiet();
    }

    private static By firstRow() {
        return By.cssSelector("#tokens\\:user tbody tr.token-row:first-child");
    }

    private static List<WebElement> rows() {
        return browser.driver().findElements(ROWS);
    }

    /** The whole description, though a narrow column shows its start only. */
    private static String description(WebElement row) {
        return row.findElement(By.cssSelector(".token-description")).getAttribute("textContent");
    }

    private static List<String> names() {
        return rows().stream().map(row -> row.findElement(By.cssSelector(".token-name")).getText())
                .collect(Collectors.toList());
    }

    private void audit(String state) {
        String violations = Axe.violations(browser);
        if (!violations.isEmpty()) {
            found.add("== " + state + " (" + browser.path() + ")\n" + violations);
        }
    }
}
