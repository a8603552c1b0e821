package org.sciplat.token.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Mounted at {@code /api/v1} under the module's {@code /auth} context root, as the platform's clients expect. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(
        title = "Science Platform Tokens API",
        version = "1",
        description = "Create, inspect and revoke the access tokens used by the science platform's services. "
                + "Errors are {\"detail\": [{\"loc\": [...], \"msg\": \"...\", \"type\": \"...\"}]}; times are "
                + "seconds since the epoch."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "gt-<key>.<secret>, or a JWT", description = "A token in Authorization: Bearer, or a JWT "
                + "from POST /token-exchange, which acts as the token it was exchanged from with its scopes")
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A token as the Basic username or password, x-oauth-basic as the other")
@SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        apiKeyName = "sciplat_session",
        description = "The browser session cookie; state-changing requests also need X-CSRF-Token from GET /login")
public class TokenApi extends Application {
}
