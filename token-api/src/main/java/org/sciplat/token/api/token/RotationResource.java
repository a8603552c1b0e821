package org.sciplat.token.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.JsonFields;
import org.sciplat.token.api.StrictJson;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Rotations;

/** Rotation of a token: a new secret for the same token. The body is optional, so a bare POST rotates. */
@Path("/users/{username}/tokens/{key}/rotate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "PermissionDenied")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class RotationResource {

    @Inject
    Rotations rotations;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "rotateUserToken", summary = "Rotate a token: a new secret for the same token",
            description = "The same key, name, scopes and children; a fresh expiry as far ahead as the token was "
                    + "given (never-expiring tokens stay so). With grace_period (seconds, at most 7 days) the old "
                    + "secret keeps working that long; by default it stops at once. Yourself with user:token, "
                    + "anyone with admin:token, or the token itself (so a lab renews its own token). User and "
                    + "service tokens only. The new token is in the answer and nowhere else, ever.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RotationRequest"), examples = @ExampleObject(name = "a day of grace",
                    ref = "RotationWithGrace")))
    @APIResponse(responseCode = "200", description = "Rotated; the new token", content = @Content(
            schema = @Schema(implementation = NewTokenJson.class),
            examples = @ExampleObject(name = "rotated", ref = "RotatedToken")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", description = "invalid_grace_period (below 0 or above 7 days), "
            + "invalid_request or invalid_json", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response rotate(@PathParam("username") String username, @PathParam("key") String key, String body)
            throws IOException {
        Duration grace = Duration.ZERO;
        if (body != null && !body.isBlank()) {
            JsonObject request = StrictJson.object(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            grace = JsonFields.seconds(request, RequestField.GRACE_PERIOD).map(Duration::ofSeconds).orElse(grace);
        }
        NewToken rotated = rotations.rotate(caller.token(), username, key, grace, caller.ipAddress());
        return Response.ok(new NewTokenJson(rotated.credential().reveal())).header("Cache-Control", "no-store")
                .build();
    }
}
