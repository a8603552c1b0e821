package org.sciplat.token.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * The web UI's page wherever the container would write its own error page (web.xml's error-page): a plain page that
 * says what happened and leads back to the tokens, never the container's page with an exception's message or stack
 * frame. Written without Faces, which may be what failed.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        String[] page = page(status);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + page[0] + " - Science Platform Tokens</title></head>"
                + "<body><main><h1>" + page[0] + "</h1><p>" + page[1] + "</p>"
                + "<p><a href=\"" + request.getContextPath() + "/\">Go to your tokens</a></p></main></body></html>\n");
    }

    private static String[] page(int status) {
        return switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> new String[] {"Bad request",
                "The address or the form sent is not one this site understands."};
            case HttpServletResponse.SC_FORBIDDEN -> new String[] {"Not allowed",
                "Your account may not see this page."};
            case HttpServletResponse.SC_NOT_FOUND -> new String[] {"Page not found",
                "There is no page at this address."};
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> new String[] {"Not allowed",
                "This page cannot be used that way."};
            default -> status < 500
                    ? new String[] {"Request refused", "This request could not be answered."}
                    : new String[] {"Something went wrong", "The site failed to show this page; please try again."};
        };
    }

    /**
     * The status the container gave, except that a URI the container cannot map is the request's own fault: Open
     * Liberty throws IllegalArgumentException ("Non-valid URI", for an encoded backslash) before any code of this
     * application runs, which would otherwise read as the service's failure.
     */
    static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || status < 400) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        while (failure != null && failure.getCause() != null && failure.getCause() != failure) {
            failure = failure.getCause();
        }
        boolean unmappable = failure instanceof IllegalArgumentException && Arrays.stream(failure.getStackTrace())
                .noneMatch(frame -> frame.getClassName().startsWith("org.sciplat."));
        return status >= 500 && unmappable ? HttpServletResponse.SC_BAD_REQUEST : status;
    }
}
