package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sciplat.it.Json;
import org.sciplat.it.RawHttp;
import org.sciplat.it.RawHttp.Answer;
import org.sciplat.it.TapService;

/**
 * Request targets with a ";" path parameter followed by dot segments, such as /api/tap/availability;a/../async.
 * Open Liberty's web container keys its cache of which servlet serves a URI on the raw URI cut at its first ";"
 * (/api/tap/availability), but maps the request on the canonical URI (/api/tap/async): one such request made the
 * async servlet the answer to every later plain /api/tap/availability, until a restart. Every module's context root
 * is both a source and a target here, and every plain URI must answer afterwards exactly as it did before.
 */
class PathParameterRoutingIT {

    /** Each crafted target: the plain URI before its ";", then dot segments that climb to another servlet. */
    private static final List<String> CRAFTED = List.of(
            "/api/tap/availability;a/../async",
            "/api/tap/capabilities;x/../sync",
            "/api/tap/sync;x/../capabilities",
            "/api/tap/tables;x/../availability",
            "/api/tap/async;x/../tables",
            "/auth/api/v1/user-info;x/../../../../api/tap/availability",
            "/auth/ingress/auth;x/../../../api/tap/capabilities",
            "/api/tap/availability;x/../../../auth/api/v1/user-info",
            "/api/tap/capabilities;x/../../../login.xhtml",
            "/login.xhtml;x/../api/tap/availability",
            "/index.xhtml;x/../auth/ingress/auth",
            "/auth/api/v1/login;x/../../../../index.xhtml");

    private static final List<String> PLAIN = List.of("/api/tap/availability", "/api/tap/capabilities",
            "/api/tap/sync", "/api/tap/tables", "/api/tap/async", "/auth/api/v1/user-info", "/auth/ingress/auth",
            "/auth/api/v1/login", "/login.xhtml", "/index.xhtml", "/");

    private static final int CONCURRENT_ROUNDS = 7;
    private static final int THREADS = 8;
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][\\w:.-]*)");

    private static String bearer;
    private static Map<String, String> before;

    @BeforeAll
    static void recordThePlainAnswers() {
        bearer = "Authorization: Bearer " + TapService.token();
        before = plainAnswers();
    }

    @Test
    void plainUrisAnswerAsBeforeAfterCraftedOnesSentInTurnAndConcurrently() throws Exception {
        for (String crafted : CRAFTED) {
            // the plain URI first, so that its cache entry exists and the crafted target meets it
            RawHttp.get(plainPrefix(crafted));
            RawHttp.get(crafted);
            RawHttp.get(crafted);
        }
        List<Callable<Answer>> mixed = new ArrayList<>();
        for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
            CRAFTED.forEach(crafted -> mixed.add(() -> RawHttp.get(crafted)));
            PLAIN.forEach(plain -> mixed.add(() -> RawHttp.get(plain, bearer)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Answer> answer : pool.invokeAll(mixed, 2, TimeUnit.MINUTES)) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> after = plainAnswers();
        assertAll(before.keySet().stream().map(uri -> (Executable) () ->
                assertEquals(before.get(uri), after.get(uri), uri + " answers as another servlet now")));
    }

    /**
     * The module whose context root begins the raw URI takes the request and refuses it; where the canonical URI,
     * read against that context root, names nothing in the module, the container answers 404 before any filter.
     */
    @Test
    void craftedTargetsAreRefusedByTheModuleTheirRawUriNames() {
        assertAll(CRAFTED.stream().map(crafted -> (Executable) () -> {
            Answer answer = RawHttp.get(crafted, bearer);
            assertTrue(answer.status() == 400 || answer.status() == 404, crafted + ": " + answer.status() + " "
                    + answer.body());
        }));
    }

    /** Each plain URI without and with a token: status, content type and what identifies the servlet. */
    private static Map<String, String> plainAnswers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String uri : PLAIN) {
            answers.put(uri, identify(RawHttp.get(uri)));
            answers.put(uri + " (token)", identify(RawHttp.get(uri, bearer)));
        }
        return answers;
    }

    private static String identify(Answer answer) {
        String type = answer.header("Content-Type");
        return answer.status() + " " + type + " " + shape(type, answer.body());
    }

    /** The page's title, the XML's root element, the JSON's keys or the text without its numbers. */
    private static String shape(String type, String body) {
        if (type.contains("html")) {
            Matcher title = TITLE.matcher(body);
            return title.find() ? title.group(1).strip() : "";
        }
        if (type.contains("xml")) {
            Matcher root = ROOT_ELEMENT.matcher(body.replaceFirst("^\\s*<\\?xml[^>]*\\?>", ""));
            return root.find() ? root.group(1) : "";
        }
        if (type.contains("json") && body.strip().startsWith("{")) {
            return new TreeSet<>(Json.object(body).keySet()).toString();
        }
        return Stream.of(body.split("\n")).findFirst().orElse("").replaceAll("\\d", "");
    }

    private static String plainPrefix(String crafted) {
        return crafted.substring(0, crafted.indexOf(';'));
    }
}
