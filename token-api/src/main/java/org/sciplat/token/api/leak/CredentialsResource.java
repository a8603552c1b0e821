package org.sciplat.token.api.leak;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sciplat.token.api.JsonFields;
import org.sciplat.token.api.auth.Caller;
import org.sciplat.token.api.error.ErrorBody;
import org.sciplat.token.core.InvalidRequestException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.leak.LeakReports;

@Path("/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leaks")
public class CredentialsResource {

    @Inject
    LeakReports reports;

    @Inject
    Caller caller;

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "revokeCredentials", summary = "Report leaked tokens, which revokes them",
            description = "For secret scanners and anyone who finds a token in public: no credential needed. Each "
                    + "current token among them is revoked with every token made from it, recorded as leaked, and "
                    + "its owner is emailed. The answer is the same whether any token existed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "credentials", properties = @SchemaProperty(name = "credentials",
                    type = SchemaType.ARRAY, maxItems = LeakReports.MAX_CREDENTIALS,
                    implementation = String.class)),
            examples = @ExampleObject(name = "found", ref = "LeakReport")))
    @APIResponse(responseCode = "204", description = "Received; every current token among them is revoked")
    @APIResponse(responseCode = "422", description = "No credentials list, not a list of strings, or more than "
            + "1,000 (invalid_request), or not JSON (invalid_json)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "Too many reports from the client's address this minute "
            + "(too_many_requests)", headers = @Header(name = "Retry-After",
                    description = "Seconds to wait before reporting again", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public Response revoke(JsonObject body) {
        JsonObject request = JsonFields.require(body);
        List<String> credentials = JsonFields.optionalStrings(request, RequestField.CREDENTIALS)
                .orElseThrow(() -> new InvalidRequestException("credentials is required", RequestField.CREDENTIALS));
        reports.report(credentials, caller.ipAddress());
        return Response.noContent().build();
    }
}
