package org.sciplat.token.api.error;

/** {@code {"error":"...","error_description":"..."}}: the error shape of OAuth 2.0 token endpoints (RFC 6749). */
public record OAuthErrorBody(String error, String errorDescription) {
}
