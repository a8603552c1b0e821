package org.sciplat.token.api.error;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"detail":[{"loc":[...],"msg":"...","type":"..."}]}}, the error shape the platform's clients parse. */
@Schema(name = "ErrorBody", description = "The body of every failed request", example = "{\"detail\": [{\"loc\": "
        + "[\"body\", \"scopes\"], \"msg\": \"Requested scopes are broader than your current scopes\", "
        + "\"type\": \"invalid_scopes\"}]}")
public record ErrorBody(List<Detail> detail) {

    @Schema(name = "ErrorDetail")
    public record Detail(
            @Schema(description = "Where in the request the problem is, such as [\"body\", \"expires\"]") List<String> loc,
            @Schema(description = "What went wrong, for a person") String msg,
            @Schema(description = "What went wrong, for a program: invalid_token, not_found, ...") String type) {
    }

    public static ErrorBody of(String msg, String type, String... loc) {
        return new ErrorBody(List.of(new Detail(List.of(loc), msg, type)));
    }
}
