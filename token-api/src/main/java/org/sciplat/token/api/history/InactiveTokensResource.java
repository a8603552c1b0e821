package org.sciplat.token.api.history;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.core.history.InactiveTokens;

/** A user's tokens that ended lately, with why and when. */
@Path("/users/{username}/inactive-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
public class InactiveTokensResource {

    @Inject
    InactiveTokens inactive;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listInactiveTokens", summary = "A user's tokens that ended lately",
            description = "Each token revoked, reported leaked (leaked) or expired within sciplat.tokens.inactive-shown "
                    + "(30 days by default), as the change that ended it: action says why, event_time when, actor "
                    + "by whom. Latest first. Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "200", description = "The ending changes, latest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = TokenChangeJson.class)))
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    @APIResponse(responseCode = "403", ref = "PermissionDenied")
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public List<TokenChangeJson> list(@PathParam("username") String username) {
        return inactive.of(caller.token(), username).stream().map(TokenChangeJson::of).toList();
    }
}
