package org.sciplat.token.api.metadata;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.core.schema.SchemaMigration;

@Path("/")
@RequestScoped
@Tag(name = "Service")
public class MetadataResource {

    @EJB
    SchemaMigration schema;

    @Inject
    @ConfigProperty(name = "sciplat.version")
    String version;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getServiceMetadata", summary = "Describe the service",
            description = "Name, version and the database schema version, read from the database on each call. "
                    + "Open to anyone; a credential sent all the same must be valid.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The service metadata")
    @APIResponse(responseCode = "401", ref = "NotAuthenticated")
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public ServiceMetadata metadata() {
        return new ServiceMetadata(
                "Science Platform Tokens",
                version,
                "Access tokens for the science platform's services",
                "/openapi/ui/",
                schema.appliedVersion().orElse(null));
    }
}
