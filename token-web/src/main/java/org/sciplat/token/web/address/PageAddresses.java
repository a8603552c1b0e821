package org.sciplat.token.web.address;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sciplat.token.core.token.TokenCredential;

/**
 * Which page each address names: the addresses users see and bookmark ({@code /tokens}, {@code /tokens/{key}},
 * {@code /history}...) and the Faces views behind them. A view's old {@code .xhtml} address still opens it.
 */
public final class PageAddresses {

    private static final String TOKEN_VIEW = "/tokens/token.xhtml";
    private static final String TOKENS = "/tokens/";

    /** The address of each page but a token's, and its view. */
    private static final Map<String, String> VIEWS = Map.ofEntries(
            Map.entry("/welcome", "/welcome.xhtml"),
            Map.entry("/login", "/login.xhtml"),
            Map.entry("/login-refused", "/login-refused.xhtml"),
            Map.entry("/tokens", "/tokens/index.xhtml"),
            Map.entry("/tokens/created", "/tokens/created.xhtml"),
            Map.entry("/history", "/history.xhtml"),
            Map.entry("/sessions", "/sessions.xhtml"),
            Map.entry("/admin/tokens", "/admin/tokens.xhtml"),
            Map.entry("/admin/history", "/admin/history.xhtml"),
            Map.entry("/admin/create", "/admin/create.xhtml"));

    private static final Map<String, String> ADDRESSES = VIEWS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private PageAddresses() {
    }

    /**
     * The view (with its query, for a token's page) that an address within the application names; empty for an
     * address that is no page's, a view's own among them.
     */
    public static Optional<String> viewOf(String path) {
        String view = VIEWS.get(path);
        if (view != null) {
            return Optional.of(view);
        }
        if (path.startsWith(TOKENS) && TokenCredential.isKey(path.substring(TOKENS.length()))) {
            return Optional.of(TOKEN_VIEW + "?key=" + path.substring(TOKENS.length()));
        }
        return Optional.empty();
    }

    /** Whether this path within the application is a page's address, rather than a view's. */
    public static boolean isAddress(String path) {
        return viewOf(path).isPresent();
    }

    /** Whether this path is the old address of a view that has an address of its own now. */
    public static boolean isOldAddress(String path) {
        return ADDRESSES.containsKey(path) || path.equals(TOKEN_VIEW) || path.equals("/index.xhtml");
    }

    /**
     * The address a URL of the application (context path, a view, and perhaps a query, as Faces writes its links
     * and redirects) is shown as; any other URL unchanged.
     */
    public static String addressOf(String url, String contextPath) {
        if (!url.startsWith(contextPath + "/")) {
            return url;
        }
        int queryStart = url.indexOf('?');
        String path = url.substring(contextPath.length(), queryStart < 0 ? url.length() : queryStart);
        String query = queryStart < 0 ? "" : url.substring(queryStart + 1);
        if (path.equals("/index.xhtml")) {
            return contextPath + "/" + (query.isEmpty() ? "" : "?" + query);
        }
        String address = ADDRESSES.get(path);
        if (address != null) {
            return contextPath + address + (query.isEmpty() ? "" : "?" + query);
        }
        if (!path.equals(TOKEN_VIEW)) {
            return url;
        }
        List<String> parameters = Arrays.asList(query.split("&"));
        return parameters.stream()
                .filter(parameter -> parameter.startsWith("key=") && TokenCredential.isKey(parameter.substring(4)))
                .findFirst()
                .map(key -> {
                    String rest = parameters.stream().filter(parameter -> !parameter.equals(key))
                            .collect(Collectors.joining("&"));
                    return contextPath + TOKENS + key.substring(4) + (rest.isEmpty() ? "" : "?" + rest);
                })
                .orElse(url);
    }
}
