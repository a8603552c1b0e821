package org.sciplat.token.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.JsonFields;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.core.InvalidTokenTypeException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;

@Path("/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
public class AdminTokensResource {

    @Inject
    Tokens tokens;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTokenForUser", summary = "Create a user or service token for anyone",
            description = "With admin:token, or the bootstrap token. Service tokens are for bot- users.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "AdminTokenRequest")))
    @APIResponse(responseCode = "201", ref = "TokenCreated")
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    @APIResponse(responseCode = "403", ref = "PermissionDenied")
    @APIResponse(responseCode = "409", ref = "DuplicateTokenName")
    @APIResponse(responseCode = "422", description = "invalid_username, invalid_token_type, invalid_token_name, "
            + "invalid_description, "
            + "invalid_scopes, invalid_expires, invalid_request or invalid_json",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public Response create(JsonObject body) {
        JsonObject request = JsonFields.require(body);
        String type = JsonFields.requiredString(request, RequestField.TOKEN_TYPE);
        String username = JsonFields.requiredString(request, RequestField.USERNAME);
        NewToken created = tokens.createForUser(caller.token(), username,
                TokenType.fromWireName(type).orElseThrow(() -> new InvalidTokenTypeException(
                        "Unknown token type: " + type, RequestField.TOKEN_TYPE)),
                JsonFields.string(request, RequestField.TOKEN_NAME),
                JsonFields.string(request, RequestField.DESCRIPTION), JsonFields.strings(request, RequestField.SCOPES),
                JsonFields.instant(request, RequestField.EXPIRES), caller.ipAddress());
        return NewTokenJson.created(uri, created);
    }
}
