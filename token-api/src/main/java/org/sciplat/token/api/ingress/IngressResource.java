package org.sciplat.token.api.ingress;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.token.VerifiedToken;

@Path("/auth")
@RequestScoped
@Tag(name = "Ingress")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
public class IngressResource {

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "May this request pass to the protected service?",
            description = "200 with X-Auth-Request-User and X-Auth-Request-Scopes when the token is valid and holds "
                    + "the required scopes (all of them, or any with satisfy=any); 401 with a challenge without a "
                    + "valid token; 403 with error=\"insufficient_scope\" when a scope is missing.")
    @APIResponse(responseCode = "200", description = "Allowed")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A required scope is missing")
    @APIResponse(responseCode = "422", description = "No scope named, or satisfy is neither all nor any")
    public Response check(@QueryParam("scope") List<String> scopes, @QueryParam("satisfy") String satisfy) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidRequestException("invalid_request", "At least one scope is required", "query", "scope");
        }
        if (!scopes.stream().allMatch(s -> s.matches("[a-zA-Z0-9:._-]+"))) {
            throw new InvalidRequestException("invalid_request", "Invalid scope name", "query", "scope");
        }
        boolean any = "any".equals(satisfy);
        if (satisfy != null && !any && !"all".equals(satisfy)) {
            throw new InvalidRequestException("invalid_request", "satisfy must be all or any", "query", "satisfy");
        }
        VerifiedToken token = caller.token();
        boolean allowed = any ? scopes.stream().anyMatch(token::hasScope) : scopes.stream().allMatch(token::hasScope);
        if (!allowed) {
            return Response.status(Response.Status.FORBIDDEN)
                    .header("WWW-Authenticate", "Bearer realm=\"" + uri.getBaseUri().getHost()
                            + "\", error=\"insufficient_scope\", error_description=\"Token missing required scope\""
                            + ", scope=\"" + String.join(" ", new TreeSet<>(scopes)) + "\"")
                    .header("Cache-Control", "no-cache, no-store")
                    .build();
        }
        return Response.ok()
                .header("X-Auth-Request-User", token.username())
                .header("X-Auth-Request-Scopes", String.join(" ", token.scopes()))
                .build();
    }
}
