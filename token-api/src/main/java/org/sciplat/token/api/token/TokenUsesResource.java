package org.sciplat.token.api.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.core.usage.TokenUses;

/**
 * Where one of a user's tokens was used. A resource of its own, with the literal {@code /uses} in its path, so that
 * requests for the token itself keep matching {@link UserTokensResource}.
 */
@Path("/users/{username}/tokens/{key}/uses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "PermissionDenied")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class TokenUsesResource {

    @Inject
    TokenUses uses;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getTokenUses", summary = "Where a token was used",
            description = "The last five distinct client addresses and services (api, tap) the token was used from, "
                    + "most recent first, each with the time of its latest use. Uses are stored every 30 seconds "
                    + "or so, not at once. Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "200", description = "The uses, most recent first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = TokenUseJson.class),
            examples = @ExampleObject(name = "laptop", ref = "TokenUses")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<TokenUseJson> uses(@PathParam("username") String username, @PathParam("key") String key) {
        return uses.of(caller.token(), username, key).stream().map(TokenUseJson::of).toList();
    }
}
