package org.sciplat.token.web.login;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sciplat.token.web.address.PageAddresses;

/**
 * The page a login returns to: the one the visitor asked for before being sent to log in. Whatever names it (the
 * {@code next} parameter of the login page, the container's WASReqURL cookie, which carries no host) comes from the
 * browser, so only a page of this application is ever returned to, never another site nor the login page itself.
 */
public final class ReturnPath {

    /** A path of this application's pages: no scheme, no host, no "//" or backslash that a browser reads as a host. */
    private static final Pattern PAGE = Pattern.compile("/(?!/)[A-Za-z0-9/._~-]*(\\?[A-Za-z0-9._~%&=+-]*)?");

    private ReturnPath() {
    }

    /**
     * The page a request was made from, to return to: a GET's own address, a form's page as its Referer names it;
     * the address the browser asked for, not the view it was forwarded to.
     */
    public static String of(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded == null ? request.getRequestURI() : (String) forwarded;
        String queryString = forwarded == null ? request.getQueryString()
                : (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String path = uri.substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod())) {
            return queryString == null ? path : path + "?" + queryString;
        }
        String referer = request.getHeader("Referer");
        return validated(referer, request.getContextPath())
                .filter(page -> page.equals(path) || page.startsWith(path + "?"))
                .orElse(path);
    }

    /**
     * The path within the application (after the context path) of a page named by an absolute or root-relative
     * URL, if it is one of the application's pages other than the login page.
     */
    public static Optional<String> validated(String url, String contextPath) {
        if (url == null || url.isEmpty()) {
            return Optional.empty();
        }
        String rootRelative = url.replaceFirst("^https?://[^/?#]*", "");
        String withoutFragment = rootRelative.replaceFirst("#.*$", "");
        if (!PAGE.matcher(withoutFragment).matches() || !withoutFragment.startsWith(contextPath + "/")) {
            return Optional.empty();
        }
        String page = withoutFragment.substring(contextPath.length());
        String path = page.replaceFirst("\\?.*$", "");
        try {
            if (!new URI(null, null, path, null).normalize().getPath().equals(path)) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean aPage = path.equals("/") || path.endsWith("/") || path.endsWith(".xhtml")
                || PageAddresses.isAddress(path);
        return aPage && !isLoginPage(path) ? Optional.of(page) : Optional.empty();
    }

    /** Whether a path within the application (perhaps with a query) is the login page, at its old address too. */
    public static boolean isLoginPage(String page) {
        String path = page.replaceFirst("\\?.*$", "");
        return path.equals(Login.PAGE) || path.equals("/login.xhtml");
    }
}
