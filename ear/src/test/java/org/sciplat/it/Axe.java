package org.sciplat.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Deque's axe-core run in the page as the browser shows it now: every rule of WCAG 2.1 A and AA (colour contrast
 * among them) and axe's best practices. The report lists each violation with the elements it found it on.
 */
public final class Axe {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private Axe() {
    }

    /** What axe-core finds wrong with the page in the browser as it stands, one line per element; empty if nothing. */
    public static String violations(Browser browser) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(browser.driver());
        if (results.isErrored()) {
            throw new AssertionError("axe-core failed: " + results.getErrorMessage());
        }
        return results.getViolations().stream().map(Axe::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + rule.getNodes().stream()
                .map(node -> "    " + node.getTarget() + " " + node.getHtml().replaceAll("\\s+", " ")
                        .substring(0, Math.min(160, node.getHtml().replaceAll("\\s+", " ").length()))
                        + (node.getFailureSummary() == null ? "" : " -- "
                                + node.getFailureSummary().replaceAll("\\s+", " ")))
                .collect(Collectors.joining("\n"));
    }
}
