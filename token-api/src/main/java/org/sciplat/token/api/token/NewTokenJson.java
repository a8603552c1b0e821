package org.sciplat.token.api.token;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.core.token.NewToken;

/** The body of a 201: the token, shown this once. */
@Schema(name = "NewToken")
public record NewTokenJson(
        @Schema(description = "gt-<key>.<secret>: keep it, it is never shown again") String token) {

    /** 201 with the token, and Location naming it where its owner can fetch it. */
    static Response created(UriInfo uri, NewToken created) {
        return Response.created(uri.getBaseUriBuilder()
                        .path("users").path(created.info().username()).path("tokens").path(created.info().key())
                        .build())
                .entity(new NewTokenJson(created.credential().reveal()))
                // the secret is shown once: no browser or proxy may keep a copy
                .header("Cache-Control", "no-store")
                .build();
    }
}
