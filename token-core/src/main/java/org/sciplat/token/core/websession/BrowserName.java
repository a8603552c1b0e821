package org.sciplat.token.core.websession;

import java.util.List;
import java.util.Map;

/**
 * A User-Agent header in words a person recognises, such as "Chrome on Linux": the browser's family and the
 * operating system, no versions. Each browser names the ones it imitates too (Edge says Chrome and Safari, Chrome
 * says Safari), so the most specific names are looked for first. A header that names nothing known reads "Unknown
 * browser"; the header itself is never shown, being whatever the client chose to send.
 */
public final class BrowserName {

    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("EdgA/", "Edge"), Map.entry("EdgiOS/", "Edge"),
            Map.entry("Edge/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("SamsungBrowser/", "Samsung Internet"),
            Map.entry("Vivaldi/", "Vivaldi"), Map.entry("Firefox/", "Firefox"), Map.entry("FxiOS/", "Firefox"),
            Map.entry("CriOS/", "Chrome"), Map.entry("Chromium/", "Chromium"), Map.entry("Chrome/", "Chrome"),
            Map.entry("Version/", "Safari"), Map.entry("curl/", "curl"), Map.entry("python-requests/", "Python"),
            Map.entry("Wget/", "Wget"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"), Map.entry("Android", "Android"),
            Map.entry("CrOS", "ChromeOS"), Map.entry("Windows", "Windows"), Map.entry("Macintosh", "macOS"),
            Map.entry("Mac OS X", "macOS"), Map.entry("Linux", "Linux"), Map.entry("FreeBSD", "FreeBSD"));

    private BrowserName() {
    }

    public static String of(String userAgent) {
        if (userAgent == null) {
            return "Unknown browser";
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null) {
            return system == null ? "Unknown browser" : "Unknown browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent) {
        return names.stream().filter(name -> userAgent.contains(name.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
