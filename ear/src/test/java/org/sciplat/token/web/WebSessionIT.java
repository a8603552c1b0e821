package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.TestServer;
import org.sciplat.it.WebForm;

/**
 * The web session and its transport as a browser sees them: cookies kept to https and the site, a session that lost
 * its login cookie or outlived its login sends its visitor to log in (never a stack trace), a form posted to a
 * signed-in page without a login is not replayed after the next one, and no page or new secret is stored.
 */
class WebSessionIT {

    @Test
    void theLoginCookiesAreSecureHttpOnlyAndSameSite() {
        HttpResponse<String> signedIn = WebForm.logIn(WebForm.browser(), "astronomer", "astronomer-demo");
        assertTrue(signedIn.uri().getPath().endsWith("/welcome"), signedIn.uri().toString());
        List<String> cookies = setCookies(signedIn);
        for (String name : List.of("JSESSIONID", "LtpaToken2")) {
            String cookie = cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " among " + names(cookies)));
            String attributes = cookie.toLowerCase(Locale.ROOT);
            assertTrue(attributes.contains("; secure"), name + " is Secure: " + attributes.replaceAll("=[^;]*", ""));
            assertTrue(attributes.contains("; httponly"), name + " is HttpOnly");
            assertTrue(attributes.contains("samesite=lax"), name + " is SameSite=Lax");
        }
    }

    @Test
    void aSessionThatLostItsLoginCookieSendsTheVisitorToLogInAgain() {
        HttpResponse<String> signedIn = WebForm.logIn(WebForm.browser(), "astronomer", "astronomer-demo");
        String session = setCookies(signedIn).stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
        HttpResponse<String> page = WebForm.send(WebForm.plain(), HttpRequest.newBuilder(
                URI.create(WebForm.HTTPS_URL + "/tokens/")).header("Cookie", session).build());
        assertEquals(302, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/login"),
                page.headers().toString());
    }

    @Test
    void aFormPostedWithoutALoginIsNotKeptForReplay() {
        HttpResponse<String> refused = WebForm.send(WebForm.plain(), HttpRequest.newBuilder(
                        URI.create(WebForm.HTTPS_URL + "/tokens/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("tokens_SUBMIT=1&jakarta.faces.ViewState=stale"))
                .build());
        assertEquals(302, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Location").orElse("").endsWith("/login"));
        assertFalse(names(refused.headers().allValues("Set-Cookie")).contains("WASPostParam"),
                "the form is not kept: " + names(refused.headers().allValues("Set-Cookie")));
    }

    @Test
    void neitherPagesNorANewTokenAreStored() {
        HttpResponse<String> login = WebForm.send(WebForm.plain(),
                HttpRequest.newBuilder(URI.create(WebForm.HTTPS_URL + "/login")).build());
        assertTrue(login.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "the login page: " + login.headers().firstValue("Cache-Control"));
        Api.Session session = Api.login("astronomer", "astronomer-demo");
        HttpResponse<String> created = Api.send("POST", "/users/astronomer/tokens", session,
                Api.tokenRequest("kept-nowhere-" + System.nanoTime(), List.of("read:tap"), null));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "the new token: " + created.headers().firstValue("Cache-Control"));
    }

    @Test
    void noAnswerMayBeSniffedAsAnotherType() {
        HttpClient client = WebForm.plain();
        for (String path : List.of("/auth/api/v1/token-info", "/auth/api/v1/no-such-thing", "/auth/ingress/auth",
                "/api/tap/availability", "/api/tap/sync", "/login.xhtml", "/no-such-page", "/health")) {
            HttpResponse<String> answer = WebForm.send(client,
                    HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path)).build());
            assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"), path);
        }
    }

    private static List<String> setCookies(HttpResponse<String> last) {
        List<String> cookies = new ArrayList<>();
        for (Optional<HttpResponse<String>> answer = Optional.of(last); answer.isPresent();
                answer = answer.get().previousResponse()) {
            cookies.addAll(answer.get().headers().allValues("Set-Cookie"));
        }
        return cookies;
    }

    private static String names(List<String> cookies) {
        return cookies.stream().map(c -> c.substring(0, Math.max(0, c.indexOf('=')))).collect(Collectors.joining(","));
    }
}
