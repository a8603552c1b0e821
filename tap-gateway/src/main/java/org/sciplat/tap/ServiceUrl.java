package org.sciplat.tap;

import jakarta.servlet.http.HttpServletRequest;

/** The service's base URL as the client reached it, for the absolute URLs of capabilities and UWS redirects. */
public final class ServiceUrl {

    private ServiceUrl() {
    }

    public static String of(HttpServletRequest request) {
        StringBuilder url = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = request.getScheme().equals("http") && port == 80
                || request.getScheme().equals("https") && port == 443;
        if (!defaultPort) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).toString();
    }
}
