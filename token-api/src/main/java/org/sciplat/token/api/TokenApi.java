package org.sciplat.token.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Mounted at {@code /api/v1} under the module's {@code /auth} context root, as the platform's clients expect. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Science Platform Tokens API",
        version = "1",
        description = "Create, inspect and revoke the access tokens used by the science platform's services."))
public class TokenApi extends Application {
}
