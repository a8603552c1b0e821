package org.sciplat.token.api.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request whose URI carries a ";" path parameter, with the API's error body. Open Liberty maps such a URI
 * on its canonical form (path parameters dropped, dot segments resolved), so /auth/api/v1/user-info;x/../login
 * reaches another resource than the one it names: no client of the API or of the ingress check sends one, and
 * answering it only serves those who probe for differences between what a proxy checks and what the server runs.
 * A servlet filter, so it runs before JAX-RS and the ingress servlet.
 */
@WebFilter(filterName = "PathParameterFilter", urlPatterns = "/*")
public class PathParameterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json;charset=UTF-8");
            JSON.toJson(ErrorBody.of("Path parameters (';') are not accepted", "invalid_path", "path"),
                    response.getWriter());
            return;
        }
        chain.doFilter(request, response);
    }
}
