package org.sciplat.token.core.jwt;

import java.util.List;
import java.util.Map;

/** The parameters of an RFC 8693 token exchange request; any of them may be missing until it is checked. */
public record TokenExchangeRequest(
        String grantType,
        String subjectToken,
        String subjectTokenType,
        String requestedTokenType,
        String scope) {

    /**
     * Reads a form-encoded request body, refusing a parameter given twice (RFC 6749 section 3.2), where which of
     * the values was meant cannot be known.
     */
    public static TokenExchangeRequest fromForm(Map<String, List<String>> form) {
        return new TokenExchangeRequest(single(form, "grant_type"), single(form, "subject_token"),
                single(form, "subject_token_type"), single(form, "requested_token_type"), single(form, "scope"));
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw TokenExchangeException.invalidRequest(name + " must not be repeated");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Leaves out the subject token, which is a credential. */
    @Override
    public String toString() {
        return "TokenExchangeRequest[grantType=" + grantType + ", subjectTokenType=" + subjectTokenType
                + ", requestedTokenType=" + requestedTokenType + ", scope=" + scope + "]";
    }
}
