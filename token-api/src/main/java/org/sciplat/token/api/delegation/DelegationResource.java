package org.sciplat.token.api.delegation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.JsonFields;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.core.InvalidMinimumLifetimeException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.Delegations;

/**
 * What a notebook service calls with the session credential of a user who just logged in: the user's notebook
 * token, to place in the lab as ~/.access_token, and internal tokens for the services the lab talks to.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Delegation")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "PermissionDenied")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class DelegationResource {

    @Inject
    Delegations delegations;

    @Inject
    Caller caller;

    @POST
    @Path("/notebook-token")
    @Operation(operationId = "getNotebookToken", summary = "The session's notebook token",
            description = "A child of the calling session with its scopes, expiring with it at the latest. The same "
                    + "token is returned while it has half its lifetime (and minimum_lifetime seconds) left; a new "
                    + "login session gets a new one.")
    @RequestBody(content = @Content(schema = @Schema(ref = "NotebookTokenRequest")))
    @APIResponse(responseCode = "200", description = "The notebook token", content = @Content(
            schema = @Schema(implementation = DelegatedTokenJson.class),
            examples = @ExampleObject(name = "notebook", ref = "DelegatedToken")))
    @APIResponse(responseCode = "422", description = "invalid_minimum_lifetime or invalid_json",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response notebook(JsonObject body) {
        JsonObject request = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        return ok(DelegatedTokenJson.of(delegations.notebook(caller.token(), caller.presented(),
                minimumLifetime(request), caller.ipAddress())));
    }

    @POST
    @Path("/internal-token")
    @Operation(operationId = "getInternalToken", summary = "An internal token of the session for a service",
            description = "A child of the calling session for the named service, with those of the requested "
                    + "scopes the session holds; reused like the notebook token.")
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "InternalTokenRequest")))
    @APIResponse(responseCode = "200", description = "The internal token", content = @Content(
            schema = @Schema(implementation = DelegatedTokenJson.class),
            examples = @ExampleObject(name = "portal", ref = "InternalToken")))
    @APIResponse(responseCode = "422", description = "invalid_service, invalid_minimum_lifetime, invalid_request or "
            + "invalid_json", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response internal(JsonObject body) {
        JsonObject request = JsonFields.require(body);
        Set<String> scopes = new TreeSet<>(JsonFields.strings(request, RequestField.SCOPES));
        return ok(DelegatedTokenJson.of(delegations.internal(caller.token(), caller.presented(),
                JsonFields.string(request, RequestField.SERVICE), scopes, minimumLifetime(request),
                caller.ipAddress())));
    }

    private static Response ok(DelegatedTokenJson token) {
        return Response.ok(token).header("Cache-Control", "no-store").build();
    }

    private static Duration minimumLifetime(JsonObject request) {
        JsonValue value = request.get("minimum_lifetime");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new InvalidMinimumLifetimeException("minimum_lifetime must be whole seconds");
        }
        try {
            return Duration.ofSeconds(((JsonNumber) value).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidMinimumLifetimeException("minimum_lifetime is out of range");
        }
    }
}
