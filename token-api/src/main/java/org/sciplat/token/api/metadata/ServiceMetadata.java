package org.sciplat.token.api.metadata;

/** The service's self-description, in the shape the anchor token service returns from its index route. */
public record ServiceMetadata(
        String name,
        String version,
        String description,
        String documentationUrl,
        String schemaVersion) {
}
