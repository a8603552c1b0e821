package org.sciplat.tap;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A short answer as plain text. Used instead of the container's error page, which would put the message (often
 * holding what the client sent) into HTML.
 */
public final class PlainText {

    private PlainText() {
    }

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(message);
    }
}
