package org.sciplat.token.api.error;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"error":"...","error_description":"..."}}: the error shape of OAuth 2.0 token endpoints (RFC 6749). */
@Schema(name = "OAuthError")
public record OAuthErrorBody(
        @Schema(description = "invalid_request, invalid_grant, unsupported_grant_type or invalid_scope") String error,
        @JsonbProperty("error_description") String errorDescription) {
}
