package org.sciplat.token.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Mounted at {@code /api/v1} under the module's {@code /auth} context root, as the platform's clients expect. What
 * its OpenAPI document says of the API as a whole (info, servers, tags, security schemes, shared schemas and
 * responses) is in {@code META-INF/openapi.yaml}; each operation is described on its resource method.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class TokenApi extends Application {
}
