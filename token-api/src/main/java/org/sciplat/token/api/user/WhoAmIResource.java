package org.sciplat.token.api.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.quota.QuotaJson;
import org.sciplat.token.api.token.TokenJson;
import org.sciplat.token.core.quota.UserQuotas;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.user.DirectoryUser;
import org.sciplat.token.core.user.UserDirectory;
import org.sciplat.token.core.user.UserProfile;

@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@APIResponse(responseCode = "401", ref = "NotAuthenticated")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class WhoAmIResource {

    @Inject
    Tokens tokens;

    @Inject
    UserDirectory directory;

    @Inject
    Caller caller;

    @Inject
    UserQuotas quotas;

    @GET
    @Path("/token-info")
    @Operation(operationId = "getTokenInfo", summary = "The calling token",
            description = "For a JWT from the token exchange: the token it was exchanged from.")
    @APIResponse(responseCode = "200", description = "The token the request was made with", content = @Content(
            schema = @Schema(implementation = TokenJson.class),
            examples = @ExampleObject(name = "topcat", ref = "UserToken")))
    public TokenJson tokenInfo() {
        return TokenJson.of(tokens.info(caller.token()));
    }

    @GET
    @Path("/user-info")
    @Operation(operationId = "getUserInfo", summary = "The calling token's user",
            description = "The bootstrap token, which has no user, is refused.")
    @APIResponse(responseCode = "200", description = "Name, email, POSIX ids, groups and quotas of the user", content = @Content(
            schema = @Schema(implementation = UserInfoJson.class),
            examples = @ExampleObject(name = "astronomer", ref = "UserInfo")))
    @APIResponse(responseCode = "403", ref = "PermissionDenied")
    public UserInfoJson userInfo() {
        String username = caller.token().requireRealUser().username();
        return directory.find(username)
                .map(this::json)
                .orElseGet(() -> new UserInfoJson(username, null, null, null, null, null,
                        QuotaJson.of(quotas.of(username, Set.of()))));
    }

    private UserInfoJson json(DirectoryUser user) {
        UserProfile profile = user.profile();
        return new UserInfoJson(profile.username(), profile.name(), profile.email(), boxed(profile.uid()),
                boxed(profile.gid()),
                profile.groups().stream().map(g -> new UserInfoJson.Group(g.name(), boxed(g.id()))).toList(),
                QuotaJson.of(quotas.of(user.username(), user.groups())));
    }

    private static Long boxed(OptionalLong id) {
        return id.isPresent() ? id.getAsLong() : null;
    }
}
