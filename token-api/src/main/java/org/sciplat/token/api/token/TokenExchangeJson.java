package org.sciplat.token.api.token;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A successful token exchange response, in RFC 8693's field names. */
@Schema(name = "TokenExchangeResponse")
public record TokenExchangeJson(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("issued_token_type") String issuedTokenType,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        String scope) {
}
