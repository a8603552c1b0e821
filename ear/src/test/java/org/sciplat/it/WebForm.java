package org.sciplat.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The web UI as a browser without scripts reaches it: over https (its cookies are Secure, and a client other than a
 * browser keeps them to https), trusting the test server's self-signed certificate, with cookies, following
 * redirects; and its login form submitted with the form's view state and the page's CSP nonce that PrimeFaces'
 * script adds to every submission.
 */
public final class WebForm {

    /** it.https.url where a failsafe execution names another server than the command line's it.https.port. */
    public static final String HTTPS_URL = System.getProperty("it.https.url",
            "https://localhost:" + System.getProperty("it.https.port", "9444"));

    private WebForm() {
    }

    /** A client as a browser: cookies kept, redirects followed. */
    public static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(trustingTheServersSelfSignedCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A client that keeps no cookie and follows no redirect, to see each answer as it is. */
    public static HttpClient plain() {
        return HttpClient.newBuilder()
                .sslContext(trustingTheServersSelfSignedCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Submits the login form through the browser; the answer it ends on (its previous answers in the chain). */
    public static HttpResponse<String> logIn(HttpClient browser, String username, String password) {
        URI login = URI.create(HTTPS_URL + "/login.xhtml");
        String form = send(browser, HttpRequest.newBuilder(login).build()).body();
        String body = "login_SUBMIT=1&login%3Ausername=" + encode(username) + "&login%3Apassword=" + encode(password)
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + encode(attribute(form, "name=\"jakarta.faces.ViewState\"[^>]*value"))
                + "&primefaces.nonce=" + encode(attribute(form, "nonce"));
        return send(browser, HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the first attribute of a page matching this pattern (which ends with the attribute's name). */
    private static String attribute(String page, String pattern) {
        Matcher attribute = Pattern.compile(pattern + "=\"([^\"]+)\"").matcher(page);
        assertTrue(attribute.find(), "the page has " + pattern);
        return attribute.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The test server's certificate is its own, made by Liberty at its first start. */
    public static SSLContext trustingTheServersSelfSignedCertificate() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
