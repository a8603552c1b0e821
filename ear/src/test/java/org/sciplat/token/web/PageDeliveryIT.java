package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.sciplat.it.WebForm;

/**
 * How a page and what it loads reach a browser: the page gzipped in pieces the browser paints as they come, its
 * style sheets named in its headers before its body, and style sheets and scripts served compressed, tagged and
 * the same each time.
 */
class PageDeliveryIT {

    private static final int PIECE = 8 * 1024;
    private static final Pattern STYLE_SHEET = Pattern.compile("<link rel=\"stylesheet\" type=\"text/css\" href=\"([^\"]+)\"");
    private static final Pattern PRELOAD = Pattern.compile("<([^>]+)>; rel=preload; as=style");

    @Test
    void aLongPageIsSentGzippedInPiecesEachFlushedAsItIsRendered() {
        HttpClient browser = WebForm.browser();
        WebForm.logIn(browser, "observer", "observer-demo");

        HttpResponse<byte[]> page = get(browser, "/tokens", "Accept-Encoding", "gzip, deflate, br");

        assertEquals(200, page.statusCode());
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(page.headers().allValues("Vary").contains("Accept-Encoding"), page.headers().toString());
        String html = new String(gunzip(page.body()), StandardCharsets.UTF_8);
        assertTrue(html.strip().endsWith("</html>"), "the whole page, its end included");
        assertTrue(html.contains("User Tokens"), html);
        int pieces = html.getBytes(StandardCharsets.UTF_8).length / PIECE;
        assertTrue(pieces >= 2, "a page of " + pieces + " pieces is too short to show this");
        // a sync flush ends each piece with an empty stored block: 00 00 ff ff
        assertTrue(syncFlushes(page.body()) >= pieces, syncFlushes(page.body()) + " flushes for " + pieces + " pieces");
    }

    @Test
    void aBrowserThatTakesNoGzipGetsThePagePlain() {
        HttpResponse<byte[]> page = get(WebForm.plain(), "/login", "Accept-Encoding", "gzip;q=0, identity");

        assertEquals(200, page.statusCode());
        assertFalse(page.headers().firstValue("Content-Encoding").isPresent(), page.headers().toString());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<form id=\"login\""));
    }

    @Test
    void aPageNamesItsStyleSheetsInItsHeadersAsItsHeadLinksThem() {
        HttpClient browser = WebForm.browser();
        // the first rendering of a view teaches which style sheets it links; the test server may not have shown it
        get(browser, "/login", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> page = get(browser, "/login", "Accept-Encoding", "gzip");

        List<String> linked = all(STYLE_SHEET, new String(gunzip(page.body()), StandardCharsets.UTF_8)).stream()
                .map(href -> href.replace("&amp;", "&")).toList();
        List<String> preloaded = all(PRELOAD, String.join(", ", page.headers().allValues("Link")));
        assertTrue(linked.size() >= 2, "the theme's and the site's style sheets at least: " + linked);
        assertEquals(linked, preloaded);
        for (String styleSheet : preloaded) {
            HttpResponse<byte[]> answer = get(browser, styleSheet, "Accept-Encoding", "gzip");
            assertEquals(200, answer.statusCode(), styleSheet);
            assertEquals("text/css", answer.headers().firstValue("Content-Type").orElse(null), styleSheet);
        }
    }

    @Test
    void aStyleSheetIsTheSameInBothEncodingsAndRevalidatesByItsTag() {
        HttpClient browser = WebForm.plain();
        String theme = themeAddress(browser);

        HttpResponse<byte[]> gzipped = get(browser, theme, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> plain = get(browser, theme, "Accept-Encoding", "identity");

        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
        assertArrayEquals(plain.body(), gunzip(gzipped.body()));
        assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("--primary-color"), "PrimeFaces' theme");
        String tag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertEquals(tag, plain.headers().firstValue("ETag").orElse(null), "one resource, one tag");
        assertTrue(gzipped.headers().firstValue("Cache-Control").orElse("").contains("max-age"));

        HttpResponse<byte[]> revalidated = get(browser, theme, "Accept-Encoding", "gzip", "If-None-Match", tag);
        assertEquals(304, revalidated.statusCode());
        assertEquals(0, revalidated.body().length);
        assertEquals(200, get(browser, theme, "If-None-Match", "W/\"another\"").statusCode());
    }

    @Test
    void aResourceThatIsNotThereStaysNotFoundAndAnUnusualAddressIsStillAnswered() {
        HttpClient browser = WebForm.plain();
        for (int i = 0; i < 2; i++) {
            assertEquals(404, get(browser, "/jakarta.faces.resource/no-such.css.xhtml?ln=primefaces&v=1",
                    "Accept-Encoding", "gzip").statusCode());
        }
        HttpResponse<byte[]> unusual = get(browser, "/jakarta.faces.resource/css/tokens.css.xhtml?x=%3Cscript%3E",
                "Accept-Encoding", "identity");
        assertEquals(200, unusual.statusCode());
        assertEquals(new String(get(browser, "/jakarta.faces.resource/css/tokens.css.xhtml", "Accept-Encoding",
                "identity").body(), StandardCharsets.UTF_8), new String(unusual.body(), StandardCharsets.UTF_8));
    }

    @Test
    void onlyAnAddressFacesWroteIsKeptAndABackgroundRequestCannotChangeWhatOthersGet() {
        HttpClient browser = WebForm.plain();
        String theme = themeAddress(browser);
        String madeUp = theme.replaceFirst("v=[^&]+", "v=made-up-" + System.nanoTime());

        HttpResponse<byte[]> served = get(browser, madeUp, "Accept-Encoding", "identity");
        assertEquals(200, served.statusCode(), madeUp);
        assertFalse(served.headers().firstValue("ETag").isPresent(), "a made-up version is served, not kept");

        // a Faces background request without a login is answered with a redirect to the login page: never kept
        get(browser, theme, "Faces-Request", "partial/ajax");
        HttpResponse<byte[]> after = get(browser, theme, "Accept-Encoding", "identity");
        assertEquals("text/css", after.headers().firstValue("Content-Type").orElse(null));
        assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains("--primary-color"));
        assertTrue(after.headers().firstValue("ETag").isPresent(), "the address the page named is kept");
    }

    /** The address of the first style sheet the login page links, PrimeFaces' theme. */
    private static String themeAddress(HttpClient browser) {
        return all(STYLE_SHEET, new String(get(browser, "/login", "Accept-Encoding", "identity").body(),
                StandardCharsets.UTF_8)).get(0).replace("&amp;", "&");
    }

    private static HttpResponse<byte[]> get(HttpClient client, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WebForm.HTTPS_URL + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int syncFlushes(byte[] body) {
        int count = 0;
        for (int i = 0; i + 3 < body.length; i++) {
            if (body[i] == 0 && body[i + 1] == 0 && body[i + 2] == (byte) 0xff && body[i + 3] == (byte) 0xff) {
                count++;
            }
        }
        return count;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
