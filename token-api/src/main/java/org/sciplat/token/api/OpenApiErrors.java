package org.sciplat.token.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every documented error response the one error body the API returns, so each route need not repeat it.
 * Registered with {@code mp.openapi.filter}.
 */
public class OpenApiErrors implements OASFilter {

    private static final String ERROR_SCHEMA = "#/components/schemas/Error";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Error", errorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
                boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
                boolean bodyless = entry.getValue().getContent() == null;
                // the ingress check answers 403 with a challenge header only, as proxies expect
                if (error && bodyless && !isIngressRefusal(operation.getTags(), entry.getKey())) {
                    entry.getValue().setContent(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA))));
                }
            }
        }));
    }

    private static boolean isIngressRefusal(List<String> tags, String status) {
        return tags != null && tags.contains("Ingress") && "403".equals(status);
    }

    private static Schema errorSchema() {
        Schema string = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema detail = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("loc", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(string)
                        .description("Where in the request the problem is, such as [\"body\", \"expires\"]"))
                .addProperty("msg", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("What went wrong, for a person"))
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("What went wrong, for a program: invalid_token, not_found, ..."));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("The error body of every failed request")
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(detail));
    }
}
