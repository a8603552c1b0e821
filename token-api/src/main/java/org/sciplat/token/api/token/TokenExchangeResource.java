package org.sciplat.token.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.error.OAuthErrorBody;
import org.sciplat.token.core.jwt.IssuedJwt;
import org.sciplat.token.core.jwt.TokenExchange;
import org.sciplat.token.core.jwt.TokenExchangeRequest;

@Path("/token-exchange")
@RequestScoped
@Tag(name = "Token exchange")
public class TokenExchangeResource {

    @Inject
    TokenExchange exchange;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exchangeToken",
            summary = "Exchange a token for a short-lived JWT (OAuth 2.0 Token Exchange, RFC 8693)",
            description = "The JWT (RS256, verifiable with /.well-known/jwks.json) carries the subject token's user "
                    + "(sub, upn) and scopes (groups, scope), is valid for 15 minutes (sciplat.jwt.lifetime) but never "
                    + "past the subject token's expiry, and is accepted by this API like the token it came from, while "
                    + "that token lives. Errors are RFC 6749 "
                    + "{\"error\": \"...\", \"error_description\": \"...\"}.")
    @SecurityRequirements
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = {"grant_type", "subject_token", "subject_token_type"},
            properties = {
                @SchemaProperty(name = "grant_type", type = SchemaType.STRING,
                        enumeration = TokenExchange.GRANT_TYPE),
                @SchemaProperty(name = "subject_token", type = SchemaType.STRING,
                        description = "The token to exchange: gt-<key>.<secret>"),
                @SchemaProperty(name = "subject_token_type", type = SchemaType.STRING,
                        enumeration = TokenExchange.ACCESS_TOKEN_TYPE),
                @SchemaProperty(name = "requested_token_type", type = SchemaType.STRING,
                        enumeration = TokenExchange.JWT_TOKEN_TYPE),
                @SchemaProperty(name = "scope", type = SchemaType.STRING,
                        description = "Space-separated subset of the subject token's scopes; all of them if absent")
            }), examples = @ExampleObject(name = "tap", ref = "TokenExchangeForm")))
    @APIResponse(responseCode = "200", description = "access_token (the JWT), issued_token_type, token_type "
            + "(Bearer), expires_in (seconds) and scope; Cache-Control: no-store",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenExchangeJson.class),
                    examples = @ExampleObject(name = "jwt", ref = "IssuedJwt")))
    @APIResponse(responseCode = "400", description = "invalid_request, invalid_grant (the subject token is invalid, "
            + "expired or revoked), unsupported_grant_type or invalid_scope",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OAuthErrorBody.class),
                    examples = @ExampleObject(name = "revoked", ref = "InvalidGrant")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public Response exchange(MultivaluedMap<String, String> form) {
        IssuedJwt issued = exchange.exchange(TokenExchangeRequest.fromForm(form));
        return Response.ok(new TokenExchangeJson(issued.token(), TokenExchange.JWT_TOKEN_TYPE, "Bearer",
                        issued.expiresIn(), issued.scope()))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
