package org.sciplat.token.api.error;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * The API module's answer wherever the container would write its own error page (web.xml's error-page): outside
 * the JAX-RS application, such as a URI the container itself refuses, the client still gets the API's error body,
 * never the container's HTML with an exception's message or stack frame.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String message = status >= 500 ? "Internal error" : known == null ? "Bad Request" : known.getReasonPhrase();
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the same shape as ErrorBody, written with JSON-P: JSON-B is the JAX-RS application's, not this servlet's
        Json.createWriter(response.getWriter()).writeObject(Json.createObjectBuilder()
                .add("detail", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("loc", Json.createArrayBuilder())
                        .add("msg", message)
                        .add("type", "http_" + status)))
                .build());
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
