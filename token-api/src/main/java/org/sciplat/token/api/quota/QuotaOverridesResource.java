package org.sciplat.token.api.quota;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.quota.QuotaOverrides;

/** An admin's per-user quota overrides, winning over what the user's groups grant, with their history. */
@Path("/quota-overrides")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "PermissionDenied")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class QuotaOverridesResource {

    private static final Set<String> FIELDS = Set.of(RequestField.QUOTA_API.wireName(),
            RequestField.QUOTA_CONCURRENT.wireName(), RequestField.NOTES.wireName());

    @Inject
    QuotaOverrides overrides;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listQuotaOverrides", summary = "Every user's quota override (admin:token)")
    @APIResponse(responseCode = "200", description = "The overrides, by username", content = @Content(
            schema = @Schema(implementation = QuotaOverrideJson.class, type = SchemaType.ARRAY)))
    public List<QuotaOverrideJson> list() {
        return overrides.all(caller.token()).stream().map(QuotaOverrideJson::of).toList();
    }

    @GET
    @Path("/{username}")
    @Operation(operationId = "getQuotaOverride", summary = "A user's quota override",
            description = "The user themselves, or anyone with admin:token. 404 when the user has none (their "
                    + "groups' grants hold; user-info shows the quota in force).")
    @APIResponse(responseCode = "200", description = "The override", content = @Content(
            schema = @Schema(implementation = QuotaOverrideJson.class),
            examples = @ExampleObject(name = "thesis", ref = "QuotaOverride")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public QuotaOverrideJson get(@PathParam("username") String username) {
        return QuotaOverrideJson.of(overrides.get(caller.token(), username));
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setQuotaOverride", summary = "Set a user's quota override (admin:token)",
            description = "Replaces the user's whole override. api: requests per minute by service behind the "
                    + "gate, _default for the services not named, 0 blocks; tap: queries at once by query service "
                    + "({\"tap\": {\"concurrent\": 4}} for the embedded TAP service). "
                    + "What the override does not name still comes from the user's groups. Every instance applies "
                    + "it within a second.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "QuotaOverrideRequest"),
            examples = @ExampleObject(name = "thesis deadline", ref = "QuotaOverrideRequest")))
    @APIResponse(responseCode = "200", description = "The override now", content = @Content(
            schema = @Schema(implementation = QuotaOverrideJson.class),
            examples = @ExampleObject(name = "thesis", ref = "QuotaOverride")))
    @APIResponse(responseCode = "422", description = "invalid_quota (a service badly named, an amount out of "
            + "range, nothing set), invalid_username, invalid_request or invalid_json",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public QuotaOverrideJson set(@PathParam("username") String username, JsonObject body) {
        JsonObject request = JsonFields.require(body);
        if (!FIELDS.containsAll(request.keySet())) {
            throw new InvalidRequestException("An override has api, tap and notes, nothing else", RequestField.BODY);
        }
        return QuotaOverrideJson.of(overrides.set(caller.token(), username, QuotaJson.limitsFrom(request),
                JsonFields.string(request, RequestField.NOTES), caller.ipAddress()));
    }

    @DELETE
    @Path("/{username}")
    @Operation(operationId = "deleteQuotaOverride", summary = "Remove a user's quota override (admin:token)",
            description = "The user's groups' grants hold again; the history keeps what was removed.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("username") String username) {
        overrides.remove(caller.token(), username, caller.ipAddress());
    }

    @GET
    @Path("/{username}/history")
    @Operation(operationId = "getQuotaOverrideHistory", summary = "Changes to a user's quota override (admin:token)",
            description = "Newest first, including those of an override since removed.")
    @APIResponse(responseCode = "200", description = "The changes", content = @Content(
            schema = @Schema(implementation = QuotaOverrideChangeJson.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", description = "invalid_limit", content = @Content(
            schema = @Schema(implementation = ErrorBody.class)))
    public List<QuotaOverrideChangeJson> history(@PathParam("username") String username,
            @Parameter(description = "At most this many changes (1 to 1000)") @QueryParam("limit")
            @DefaultValue("100") String limit) {
        return overrides.history(caller.token(), username, HistoryParameters.limit(limit)).stream()
                .map(QuotaOverrideChangeJson::of).toList();
    }
}
