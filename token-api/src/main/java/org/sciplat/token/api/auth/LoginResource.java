package org.sciplat.token.api.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.api.error.NotAuthenticatedException;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.core.auth.Authentications;
import org.sciplat.token.core.auth.Authentications.Result;
import org.sciplat.token.core.auth.Authentications.Where;
import org.sciplat.token.core.scope.ScopeCatalogue;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.Sessions;

/** Browser sessions: logging in with the directory's password, the CSRF value, and logging out. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
@APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
public class LoginResource {

    @Inject
    Sessions sessions;

    @Inject
    ScopeCatalogue catalogue;

    @Inject
    Caller caller;

    @Inject
    Authentications authentications;

    @Context
    UriInfo uri;

    @GET
    @Path("/login")
    @SecurityRequirement(name = "session")
    @Operation(operationId = "getLoginSession", summary = "The logged-in browser session",
            description = "Only for the session cookie: the CSRF value to send as X-CSRF-Token on every "
                    + "state-changing request, the user, its scopes and the scopes the platform knows.")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(
            schema = @Schema(implementation = LoginJson.class),
            examples = @ExampleObject(name = "astronomer", ref = "Session")))
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    public LoginJson session() {
        if (!caller.viaCookie()) {
            throw new NotAuthenticatedException();
        }
        return json(caller.token().username(), caller.token().scopes(), caller.presented());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "login", summary = "Log in with a username and password from the user directory",
            description = "Creates a session token and sets it as the HttpOnly session cookie.")
    @SecurityRequirements
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"username", "password"}, properties = {
                @SchemaProperty(name = "username", type = SchemaType.STRING),
                @SchemaProperty(name = "password", type = SchemaType.STRING, format = "password")}),
            examples = @ExampleObject(name = "astronomer", ref = "LoginForm")))
    @APIResponse(responseCode = "200", description = "Logged in; the body is as GET /login",
            headers = @Header(name = "Set-Cookie", description = "The session cookie, sciplat_session (HttpOnly, "
                    + "SameSite=Strict)", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LoginJson.class),
                    examples = @ExampleObject(name = "astronomer", ref = "Session")))
    @APIResponse(responseCode = "401", description = "Wrong username or password (invalid_credentials)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "The user's groups grant no scope (permission_denied), or "
            + "users log in through the platform's identity provider in the web UI (password_login_disabled)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "No username or no password (invalid_request)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong passwords from the client's address "
            + "(too_many_attempts); no password is checked until the wait is over",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response login(@FormParam("username") String username, @FormParam("password") String password) {
        if (username == null || password == null) {
            throw new InvalidRequestException("username and password are required", RequestField.BODY);
        }
        NewToken session;
        try {
            session = sessions.login(username, password, caller.ipAddress());
        } catch (TokenServiceException e) {
            authentications.record(Where.API, Result.ofLogin(e));
            throw e;
        }
        authentications.record(Where.API, Result.SUCCESS);
        String token = session.credential().reveal();
        return Response.ok(json(session.info().username(), session.info().scopes(), token))
                .cookie(new NewCookie.Builder(CredentialFilter.SESSION_COOKIE)
                        .value(token)
                        .path("/")
                        .httpOnly(true)
                        .secure("https".equals(uri.getBaseUri().getScheme()))
                        .sameSite(NewCookie.SameSite.STRICT)
                        .build())
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/logout")
    @SecurityRequirement(name = "session")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logout", summary = "Log out: revoke the session token and every token made from it")
    @APIResponse(responseCode = "204", description = "Logged out; the cookie is cleared")
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    @APIResponse(responseCode = "403", ref = "PermissionDenied")
    @APIResponse(responseCode = "422", description = "The token is not a session token (not_a_session)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response logout() {
        sessions.logout(caller.token(), caller.presented(), caller.ipAddress());
        return Response.noContent()
                .cookie(new NewCookie.Builder(CredentialFilter.SESSION_COOKIE).value("").path("/").maxAge(0)
                        .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    private LoginJson json(String username, Collection<String> scopes, String token) {
        List<LoginJson.ScopeJson> known = catalogue.all().stream()
                .map(s -> new LoginJson.ScopeJson(s.name(), s.description()))
                .toList();
        return new LoginJson(Csrf.of(token), username, List.copyOf(scopes),
                new LoginJson.Config(known));
    }
}
