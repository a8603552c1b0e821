package org.sciplat.token.core.ingress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the ingress check answers the proxy: a status, the headers the proxy passes on (to the service when the
 * request may go through, to the client when not) and, for a refusal, what went wrong.
 *
 * @param status 200 when the request may go through; otherwise the status the client should see
 * @param headers header names and values, in the order they are set
 * @param refusal the error's type and fixed message, for the entry point's own error body
 */
public record IngressAnswer(int status, Map<String, String> headers, Optional<Refused> refusal) {

    public IngressAnswer {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static IngressAnswer pass(Map<String, String> headers) {
        return new IngressAnswer(200, headers, Optional.empty());
    }

    static IngressAnswer refuse(int status, String type, String message, Map<String, String> headers) {
        return new IngressAnswer(status, headers, Optional.of(new Refused(type, message)));
    }

    /** An error as the API reports it: {@code type} for programs, {@code message} for people. */
    public record Refused(String type, String message) {
    }
}
