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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.auth.Caller;
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
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "403", ref = "PermissionDenied")
@APIResponse(responseCode = "422", ref = "InvalidHistoryQuery")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class HistoryResource {

    @Inject
    TokenHistory history;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("/users/{username}/token-change-history")
    @Operation(operationId = "getUserTokenChangeHistory", summary = "Change history of all of a user's tokens",
            description = "Yourself with user:token, or anyone with admin:token.")
    @APIResponse(responseCode = "200", ref = "HistoryPage")
    public Response userHistory(@PathParam("username") String username,
            @BeanParam HistoryParameters parameters) {
        return HistoryParameters.page(history.ofUser(caller.token(), username, parameters.query(null, null),
                parameters.cursor(), parameters.limit()), uri);
    }

    @GET
    @Path("/history/token-changes")
    @Operation(operationId = "listTokenChanges", summary = "Change history of every token",
            description = "With admin:token.")
    @APIResponse(responseCode = "200", ref = "HistoryPage")
    public Response allHistory(
            @Parameter(description = "Only this user's tokens") @QueryParam("username") String username,
            @Parameter(description = "Only changes made by this user") @QueryParam("actor") String actor,
            @BeanParam HistoryParameters parameters) {
        return HistoryParameters.page(history.all(caller.token(), parameters.query(username, actor),
                parameters.cursor(), parameters.limit()), uri);
    }
}
