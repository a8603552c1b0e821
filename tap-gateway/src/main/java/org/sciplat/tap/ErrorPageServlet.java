package org.sciplat.tap;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The TAP module's answer wherever the container would write its own error page (web.xml's error-page): a status
 * and a plain sentence, never the container's HTML with an exception's message or stack frame.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        response.resetBuffer();
        PlainText.send(response, status, sentence(status));
    }

    private static String sentence(int status) {
        return switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> "The request is not one this service understands";
            case HttpServletResponse.SC_FORBIDDEN -> "This is not yours to see";
            case HttpServletResponse.SC_NOT_FOUND -> "Nothing is here: see /api/tap/capabilities for what is";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "This resource does not take that method";
            default -> status < 500 ? "The request could not be answered"
                    : "The service failed to answer; please try again later";
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
