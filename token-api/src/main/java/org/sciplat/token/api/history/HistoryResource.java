package org.sciplat.token.api.history;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.core.history.TokenHistory;

/**
 * Change history, newest first. Filters: since and until (epoch seconds or ISO-8601), key (a token and its direct
 * children), token_type, ip_address (an address or CIDR block), and on the global route username and actor.
 * Pages: limit (default 100, at most 1000) and the cursor of a Link header; X-Total-Count counts every match.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
public class HistoryResource {

    @Inject
    TokenHistory history;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("/users/{username}/token-change-history")
    @Operation(summary = "Change history of all of a user's tokens")
    @APIResponse(responseCode = "200", description = "A page of history rows")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "Not yours and no admin:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A malformed filter or cursor",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response userHistory(@PathParam("username") String username,
            @BeanParam HistoryParameters parameters) {
        return HistoryParameters.page(history.ofUser(caller.token(), username, parameters.query(null, null),
                parameters.cursor(), parameters.limit()), uri);
    }

    @GET
    @Path("/history/token-changes")
    @Operation(summary = "Change history of every token (admin:token)")
    @APIResponse(responseCode = "200", description = "A page of history rows")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "No admin:token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A malformed filter or cursor",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response allHistory(@QueryParam("username") String username, @QueryParam("actor") String actor,
            @BeanParam HistoryParameters parameters) {
        return HistoryParameters.page(history.all(caller.token(), parameters.query(username, actor),
                parameters.cursor(), parameters.limit()), uri);
    }
}
