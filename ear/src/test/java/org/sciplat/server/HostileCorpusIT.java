package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.TapService;
import org.sciplat.it.TestServer;

/**
 * Sends the hostile corpus (src/test/resources/hostile: paths, headers, JSON bodies, TAP forms, ADQL, UWS
 * parameters), with and without a valid credential and from several threads at once, and checks every answer: no
 * 5xx, no HTML error page, no stack frame, no secret of the caller's echoed. Afterwards every public and protected
 * endpoint must answer exactly as it did before the corpus was sent.
 */
class HostileCorpusIT {

    private static final int THREADS = 6;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern STACK_FRAME = Pattern.compile(
            "\\bat (?:org|com|java|jakarta|javax|sun|jdk)\\.[\\w$.]+\\(|\\bat com\\.ibm|\\w(?:Exception|Error): ");
    private static final Pattern SERVER_PAGE = Pattern.compile("Error \\d{3}:|SRVE\\d{4}E|CWWK\\w{3}\\d{4}E");
    private static final Pattern JOB_REF = Pattern.compile("<uws:jobref id=\"([^\"]+)\"");

    private static Api.Session astronomer;
    private static String tapToken;
    private static String bootstrap;
    private static String editableKey;
    private static Set<String> secrets;

    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void callers() {
        astronomer = Api.login(Astronomer.USERNAME, "astronomer-demo");
        TapService.awaitAvailable();
        // the UWS corpus creates jobs: another user's, so that the job cap never meets the other tests' jobs
        tapToken = Api.createToken(Api.login("observer", "observer-demo"), "hostile-corpus-" + UUID.randomUUID(),
                List.of("read:tap"), null);
        bootstrap = System.getProperty("it.bootstrap.token");
        editableKey = Api.key(Astronomer.userToken(null, "read:tap"));
        secrets = Set.of(secretOf(astronomer.token()), secretOf(tapToken), secretOf(bootstrap), "astronomer-demo",
                "observer-demo");
    }

    @Test
    void theCorpusGetsNoServerErrorAndLeavesEveryEndpointAsItWas() throws InterruptedException {
        Map<String, String> before = endpointAnswers();
        List<Callable<Void>> inputs = new ArrayList<>();
        lines("paths.txt").forEach(path -> inputs.add(() -> path(path)));
        lines("paths-with-parameters.txt").forEach(path -> inputs.add(() -> path(path)));
        lines("headers.txt").forEach(header -> inputs.add(() -> header(header)));
        jsonBodies().forEach(body -> inputs.add(() -> json(body)));
        lines("tap-forms.txt").forEach(form -> inputs.add(() -> tapForm(form)));
        lines("adql.txt").forEach(adql -> inputs.add(() -> adql(adql.replace("\\n", "\n"))));
        lines("uws-parameters.txt").forEach(form -> inputs.add(() -> uws(form)));

        runConcurrently(inputs);
        deleteJobs();

        assertTrue(inputs.size() >= 500, "the corpus has " + inputs.size() + " inputs");
        assertTrue(problems.isEmpty(), problems.size() + " of " + requests.get() + " answers were wrong:\n"
                + String.join("\n", problems.stream().limit(40).toList()));
        assertEquals(before, endpointAnswers());
    }

    /**
     * Paths Open Liberty refuses itself before any module of this application sees them: its page cannot be replaced
     * from here, so these must be client errors that echo no secret, and nothing more.
     */
    @Test
    void pathsOpenLibertyRefusesItselfAreClientErrors() {
        List<String> wrong = new ArrayList<>();
        for (String path : lines("paths-refused-by-open-liberty.txt")) {
            for (String header : new String[] {null, "Authorization: Bearer " + astronomer.token()}) {
                RawHttp.Answer answer = RawHttp.get(path, header);
                boolean clientError = answer.status() >= 400 && answer.status() < 500;
                if (!clientError || secrets.stream().anyMatch(answer.body()::contains)) {
                    wrong.add("GET " + path + ": " + answer.status() + " " + abbreviate(answer.body()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private Void path(String path) {
        check("GET " + path, RawHttp.get(path, null));
        check("GET " + path + " with a token", RawHttp.get(path, "Authorization: Bearer " + astronomer.token()));
        return null;
    }

    private Void header(String header) {
        for (String path : List.of("/auth/api/v1/token-info", "/auth/ingress/auth?scope=read:tap",
                "/api/tap/tables?detail=min", "/")) {
            check("GET " + path + " with " + abbreviate(header), RawHttp.get(path, header));
        }
        return null;
    }

    private Void json(String body) {
        String session = Api.bearer(astronomer.token());
        String admin = Api.bearer(bootstrap);
        sendAlsoWithout("POST", "/auth/api/v1/users/astronomer/tokens", "application/json", body, session);
        send("PATCH", "/auth/api/v1/users/astronomer/tokens/" + editableKey, "application/json", body, admin);
        send("POST", "/auth/api/v1/tokens", "application/json", body, admin);
        send("POST", "/auth/api/v1/notebook-token", "application/json", body, session);
        send("POST", "/auth/api/v1/internal-token", "application/json", body, session);
        return null;
    }

    private Void tapForm(String form) {
        sendAlsoWithout("POST", "/api/tap/sync", FORM, form, Api.bearer(tapToken));
        return null;
    }

    private Void adql(String adql) {
        tapForm("LANG=ADQL&MAXREC=10&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8));
        return null;
    }

    /** Creates a job with the parameters, sends them again to the job and its resources, and reads it. */
    private Void uws(String form) {
        HttpResponse<String> created = sendAlsoWithout("POST", "/api/tap/async", FORM, form, Api.bearer(tapToken));
        if (created.statusCode() != 303) {
            return null;
        }
        String job = URI.create(created.headers().firstValue("Location").orElseThrow()).getRawPath();
        for (String resource : List.of("", "/parameters", "/executionduration", "/destruction", "/phase")) {
            send("POST", job + resource, FORM, form, Api.bearer(tapToken));
        }
        send("GET", job, null, null, Api.bearer(tapToken));
        return null;
    }

    /** Sends the request with the credential, checking the answer. */
    private HttpResponse<String> send(String method, String path, String contentType, String body,
            String authorization) {
        HttpResponse<String> answer = TestServer.send(request(method, path, contentType, body)
                .header("Authorization", authorization).build());
        check(method + " " + path + " " + abbreviate(String.valueOf(body)), answer);
        return answer;
    }

    /**
     * Sends the request with the credential and without any, checking both answers; gives the first. Once per input
     * and module: the refusal of a caller without a token comes before any resource, so one route shows it.
     */
    private HttpResponse<String> sendAlsoWithout(String method, String path, String contentType, String body,
            String authorization) {
        check(method + " " + path + " without a token " + abbreviate(String.valueOf(body)),
                TestServer.send(request(method, path, contentType, body).build()));
        return send(method, path, contentType, body, authorization);
    }

    private static HttpRequest.Builder request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path))
                .timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    private void check(String what, HttpResponse<String> answer) {
        check(what, new RawHttp.Answer(answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(""), answer.body()));
    }

    private void check(String what, RawHttp.Answer answer) {
        requests.incrementAndGet();
        String body = answer.body();
        List<String> wrong = new ArrayList<>();
        if (answer.status() >= 500) {
            wrong.add("status " + answer.status());
        }
        if (answer.contentType().startsWith("text/html") && SERVER_PAGE.matcher(body).find()) {
            wrong.add("the server's HTML error page");
        }
        Matcher frame = STACK_FRAME.matcher(body);
        if (frame.find()) {
            wrong.add("a stack frame: " + frame.group());
        }
        if (secrets.stream().anyMatch(body::contains)) {
            wrong.add("a secret of the caller's");
        }
        if (!wrong.isEmpty()) {
            problems.add(abbreviate(what) + ": " + String.join(", ", wrong) + " (" + answer.contentType() + ") "
                    + abbreviate(body));
        }
    }

    private static void runConcurrently(Collection<Callable<Void>> inputs) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Void> done : pool.invokeAll(inputs, 20, TimeUnit.MINUTES)) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("An input could not be sent", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What each public and protected endpoint answers (status and content type), with a token and without. */
    private static Map<String, String> endpointAnswers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/health/ready", "/health/live", "/api/tap/availability", "/api/tap/capabilities",
                "/.well-known/jwks.json", "/openapi", "/", "/auth/api/v1/token-info",
                "/auth/ingress/auth?scope=read:tap", "/auth/api/v1/users/astronomer/tokens",
                "/api/tap/tables?detail=min", "/api/tap/async", "/auth/api/v1/history/token-changes",
                "/welcome.xhtml")) {
            for (String authorization : new String[] {null, Api.bearer(astronomer.token()), Api.bearer(tapToken)}) {
                HttpRequest.Builder request = request("GET", path, null, null);
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> answer = TestServer.send(request.build());
                answers.put("GET " + path + (authorization == null ? "" : " with " + authorization.substring(0, 20)),
                        answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse(""));
            }
        }
        return answers;
    }

    private static void deleteJobs() {
        HttpResponse<String> list = TestServer.send(request("GET", "/api/tap/async", null, null)
                .header("Authorization", Api.bearer(tapToken)).build());
        Matcher job = JOB_REF.matcher(list.body());
        while (job.find()) {
            TestServer.send(request("DELETE", "/api/tap/async/" + job.group(1), null, null)
                    .header("Authorization", Api.bearer(tapToken)).build());
        }
    }

    /** The JSON corpus and two bodies too large for a file of one input per line. */
    private static List<String> jsonBodies() {
        List<String> bodies = new ArrayList<>(lines("json-bodies.txt"));
        bodies.add("{\"token_name\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}");
        bodies.add("{\"expires\":" + "9".repeat(100_000) + "}");
        return bodies;
    }

    static List<String> lines(String corpus) {
        try (InputStream in = HostileCorpusIT.class.getResourceAsStream("/hostile/" + corpus)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the corpus " + corpus, e);
        }
    }

    private static String secretOf(String token) {
        return token.substring(token.indexOf('.') + 1);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
