package org.sciplat.token.web.delivery;

import java.util.Locale;

/** What a browser's Accept-Encoding header takes. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** Whether the header takes gzip: named, or covered by *, without q=0. */
    static boolean takesGzip(String header) {
        if (header == null) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String coding : header.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean accepted = parts.length < 2 || !isZeroQuality(parts[1]);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = accepted;
            } else if (name.equals("*")) {
                any = accepted;
            }
        }
        return gzip != null ? gzip : any != null && any;
    }

    private static boolean isZeroQuality(String parameter) {
        String bare = parameter.strip().toLowerCase(Locale.ROOT);
        return bare.startsWith("q=") && bare.substring(2).strip().matches("0(\\.0{0,3})?");
    }
}
