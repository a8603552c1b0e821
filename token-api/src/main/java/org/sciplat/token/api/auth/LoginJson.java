package org.sciplat.token.api.auth;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The anchor's {@code GET /login} body: what a browser front end needs to act for the logged-in user. */
@Schema(name = "Session")
public record LoginJson(
        @Schema(description = "Send it as X-CSRF-Token with every request that changes something") String csrf,
        String username,
        @Schema(description = "The session's scopes") List<String> scopes,
        Config config) {

    @Schema(name = "SessionConfig")
    public record Config(@Schema(description = "Every scope the platform knows") List<ScopeJson> scopes) {
    }

    @Schema(name = "Scope")
    public record ScopeJson(String name, String description) {
    }
}
