package org.sciplat.token.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.JsonFields;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.api.history.HistoryParameters;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.TokenChanges;
import org.sciplat.token.core.token.Tokens;

@Path("/users/{username}/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "PermissionDenied")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class UserTokensResource {

    @Inject
    Tokens tokens;

    @Inject
    TokenHistory history;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listUserTokens", summary = "List a user's tokens", description = "Every token of the "
            + "user, of every type. Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "200", description = "The tokens, most recently used first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = TokenJson.class),
            examples = @ExampleObject(name = "tokens", ref = "TokenList")))
    public List<TokenJson> list(@PathParam("username") String username) {
        return tokens.list(caller.token(), username).stream().map(TokenJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUserToken", summary = "Create a user token for yourself",
            description = "With user:token, for yourself only (administrators create tokens for others with "
                    + "POST /tokens). The token is in the answer and nowhere else, ever.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "UserTokenRequest")))
    @APIResponse(responseCode = "201", ref = "TokenCreated")
    @APIResponse(responseCode = "409", ref = "DuplicateTokenName")
    @APIResponse(responseCode = "422", description = "invalid_token_name, invalid_description, "
            + "invalid_scopes (not yours), "
            + "invalid_expires (less than five minutes ahead), invalid_request or invalid_json",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response create(@PathParam("username") String username, JsonObject body) {
        JsonObject request = JsonFields.require(body);
        NewToken created = tokens.createUserToken(caller.token(), username,
                JsonFields.requiredString(request, RequestField.TOKEN_NAME),
                JsonFields.string(request, RequestField.DESCRIPTION),
                JsonFields.strings(request, RequestField.SCOPES),
                JsonFields.instant(request, RequestField.EXPIRES), caller.ipAddress());
        return NewTokenJson.created(uri, created);
    }

    @GET
    @Path("/{key}")
    @Operation(operationId = "getUserToken", summary = "Show one of a user's tokens",
            description = "Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "200", description = "The token", content = @Content(
            schema = @Schema(implementation = TokenJson.class),
            examples = @ExampleObject(name = "topcat", ref = "UserToken")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TokenJson get(@PathParam("username") String username, @PathParam("key") String key) {
        return TokenJson.of(tokens.get(caller.token(), username, key));
    }

    @PATCH
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "modifyUserToken", summary = "Edit a user token",
            description = "With admin:token, and user tokens only: any of token_name, description, scopes and "
                    + "expires; \"expires\": null makes it never expire, \"description\": null removes it.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "TokenEdit")))
    @APIResponse(responseCode = "200", description = "The edited token", content = @Content(
            schema = @Schema(implementation = TokenJson.class),
            examples = @ExampleObject(name = "topcat", ref = "UserToken")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "DuplicateTokenName")
    @APIResponse(responseCode = "422", description = "invalid_token_name, invalid_description, invalid_scopes, "
            + "invalid_expires, "
            + "invalid_request or invalid_json", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TokenJson modify(@PathParam("username") String username, @PathParam("key") String key,
            JsonObject body) {
        JsonObject request = JsonFields.require(body);
        Set<String> scopes = JsonFields.optionalStrings(request, RequestField.SCOPES)
                .map(TreeSet::new)
                .orElse(null);
        Optional<Instant> expires = request.containsKey(RequestField.EXPIRES.wireName())
                ? Optional.ofNullable(JsonFields.instant(request, RequestField.EXPIRES)) : null;
        Optional<String> description = request.containsKey(RequestField.DESCRIPTION.wireName())
                ? Optional.ofNullable(JsonFields.string(request, RequestField.DESCRIPTION)) : null;
        TokenChanges changes = new TokenChanges(JsonFields.string(request, RequestField.TOKEN_NAME), description,
                scopes, expires);
        return TokenJson.of(tokens.modify(caller.token(), username, key, changes, caller.ipAddress()));
    }

    @DELETE
    @Path("/{key}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token and every token made from it",
            description = "Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response revoke(@PathParam("username") String username, @PathParam("key") String key) {
        tokens.revoke(caller.token(), username, key, caller.ipAddress());
        return Response.noContent().build();
    }

    @GET
    @Path("/{key}/change-history")
    @Tag(name = "History")
    @Operation(operationId = "getTokenChangeHistory", summary = "Change history of one token (and its direct "
            + "children)", description = "Yourself with user:token, or anyone with admin:token.")
    @Parameter(name = "key", in = ParameterIn.QUERY, hidden = true)
    @APIResponse(responseCode = "200", ref = "HistoryPage")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "InvalidHistoryQuery")
    public Response tokenHistory(@PathParam("username") String username, @PathParam("key") String key,
            @BeanParam HistoryParameters parameters) {
        return HistoryParameters.page(history.ofToken(caller.token(), username, key,
                parameters.query(null, null), parameters.cursor(), parameters.limit()), uri);
    }
}
