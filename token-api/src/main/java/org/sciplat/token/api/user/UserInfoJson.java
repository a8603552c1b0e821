package org.sciplat.token.api.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The anchor's user-info shape, with what the built-in directory knows. */
@Schema(name = "UserInfo")
public record UserInfoJson(String username, String name, String email, List<Group> groups) {

    @Schema(name = "UserGroup")
    public record Group(String name) {
    }
}
