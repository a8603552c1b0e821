package org.sciplat.token.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sciplat.token.api.error.BodyTooLargeException;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;

/**
 * A form sent without its length (chunked, as clients generated from the OpenAPI document send one) is read here,
 * within {@code sciplat.api.max-body-size}, and its parameters decoded here: the container would parse it whole
 * into memory, however long, when JAX-RS asks for a form parameter. A form of a declared length is left to the
 * container, which {@link BodySizeLimit} has bounded by then.
 */
@WebFilter(filterName = "BoundedForm", urlPatterns = "/*")
public class BoundedForm extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final long limit = BodySizeLimit.configured();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (request.getContentLengthLong() >= 0 || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = new BodySizeLimit.Bounded(request.getInputStream(), limit)) {
            body = in.readAllBytes();
        } catch (BodyTooLargeException e) {
            refuse(response, e);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = parameters(request.getQueryString(), new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            refuse(response, new InvalidRequestException("The form is not valid URL encoding", RequestField.BODY));
            return;
        }
        chain.doFilter(new Decoded(request, body, parameters), response);
    }

    /** The query string's parameters, then the form's, as the servlet specification orders them. */
    private static Map<String, String[]> parameters(String query, String form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String part : new String[] {query, form}) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            for (String pair : part.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    /** The API's answer to the refusal, as its exception mappers give it: a servlet filter runs outside them. */
    private static void refuse(HttpServletResponse response, TokenServiceException refusal) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType("application/json;charset=UTF-8");
        JSON.toJson(ErrorBody.of(refusal.getMessage(), refusal.type(), refusal.loc().toArray(String[]::new)),
                response.getWriter());
    }

    /**
     * The request with the parameters decoded above and its body read again from memory: JAX-RS takes a form's
     * fields from the parameters for {@code @FormParam}, from the body for a whole form.
     */
    private static final class Decoded extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String[]> parameters;

        Decoded(HttpServletRequest request, byte[] body, Map<String, String[]> parameters) {
            super(request);
            this.body = body;
            this.parameters = parameters;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The form was read already; it is not read asynchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
