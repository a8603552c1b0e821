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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
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
    @Operation(summary = "List a user's tokens", description = "Every token of the user, of every type. "
            + "Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "200", description = "The tokens, most recently used first")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not yours and no admin:token, or no user:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public List<TokenJson> list(@PathParam("username") String username) {
        return tokens.list(caller.token(), username).stream().map(TokenJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user token for yourself",
            description = "token_name (1-64 characters, unique among your tokens), scopes (a subset of yours), "
                    + "expires (seconds since the epoch, at least five minutes ahead; null or absent: never).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = "token_name", properties = {
                @SchemaProperty(name = "token_name", type = SchemaType.STRING, minLength = 1, maxLength = 64),
                @SchemaProperty(name = "scopes", type = SchemaType.ARRAY, implementation = String.class),
                @SchemaProperty(name = "expires", type = SchemaType.INTEGER, nullable = true,
                        description = "Seconds since the epoch; null or absent: never")})))
    @APIResponse(responseCode = "201", description = "The new token, shown only this once; Location names it")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not yourself, or no user:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "duplicate_token_name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "invalid_scopes, invalid_expires, invalid_token_name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response create(@PathParam("username") String username, JsonObject body) {
        JsonObject request = JsonFields.require(body);
        NewToken created = tokens.createUserToken(caller.token(), username,
                JsonFields.requiredString(request, RequestField.TOKEN_NAME),
                JsonFields.strings(request, RequestField.SCOPES),
                JsonFields.instant(request, RequestField.EXPIRES), caller.ipAddress());
        return NewTokenJson.created(uri, created);
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "Show one of a user's tokens")
    @APIResponse(responseCode = "200", description = "The token")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not yours and no admin:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such token of this user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TokenJson get(@PathParam("username") String username, @PathParam("key") String key) {
        return TokenJson.of(tokens.get(caller.token(), username, key));
    }

    @PATCH
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a user token (admin:token)",
            description = "Any of token_name, scopes, expires; \"expires\": null makes it never expire.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            type = SchemaType.OBJECT, properties = {
                @SchemaProperty(name = "token_name", type = SchemaType.STRING, minLength = 1, maxLength = 64),
                @SchemaProperty(name = "scopes", type = SchemaType.ARRAY, implementation = String.class),
                @SchemaProperty(name = "expires", type = SchemaType.INTEGER, nullable = true,
                        description = "Seconds since the epoch; null: never; absent: unchanged")})))
    @APIResponse(responseCode = "200", description = "The edited token")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "No admin:token, or not a user token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such token of this user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "duplicate_token_name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "invalid_scopes, invalid_expires, invalid_token_name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TokenJson modify(@PathParam("username") String username, @PathParam("key") String key,
            JsonObject body) {
        JsonObject request = JsonFields.require(body);
        Set<String> scopes = JsonFields.optionalStrings(request, RequestField.SCOPES)
                .map(TreeSet::new)
                .orElse(null);
        Optional<Instant> expires = request.containsKey(RequestField.EXPIRES.wireName())
                ? Optional.ofNullable(JsonFields.instant(request, RequestField.EXPIRES)) : null;
        TokenChanges changes = new TokenChanges(JsonFields.string(request, RequestField.TOKEN_NAME), scopes,
                expires);
        return TokenJson.of(tokens.modify(caller.token(), username, key, changes, caller.ipAddress()));
    }

    @DELETE
    @Path("/{key}")
    @Operation(summary = "Revoke a token and every token delegated from it")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not yours and no admin:token, or no user:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such token of this user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response revoke(@PathParam("username") String username, @PathParam("key") String key) {
        tokens.revoke(caller.token(), username, key, caller.ipAddress());
        return Response.noContent().build();
    }

    @GET
    @Path("/{key}/change-history")
    @Operation(summary = "Change history of one token (and its direct children)")
    @APIResponse(responseCode = "200", description = "A page of history rows")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not yours and no admin:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No history for this token of this user",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A malformed filter or cursor",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response tokenHistory(@PathParam("username") String username, @PathParam("key") String key,
            @BeanParam HistoryParameters parameters) {
        return HistoryParameters.page(history.ofToken(caller.token(), username, key,
                parameters.query(null, null), parameters.cursor(), parameters.limit()), uri);
    }
}
