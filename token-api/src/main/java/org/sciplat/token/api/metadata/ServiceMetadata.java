package org.sciplat.token.api.metadata;

import jakarta.json.bind.annotation.JsonbProperty;

/** The service's self-description, in the shape the anchor token service returns from its index route. */
public record ServiceMetadata(
        String name,
        String version,
        String description,
        @JsonbProperty("documentation_url") String documentationUrl,
        @JsonbProperty("schema_version") String schemaVersion) {
}
