package org.sciplat.token.api.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.quota.QuotaJson;

/** The anchor's user-info shape, with what the built-in directory knows and the user's quotas. */
@Schema(name = "UserInfo")
public record UserInfoJson(String username, String name, String email, List<Group> groups,
        @Schema(description = "Absent when nothing limits the user: what their groups grant, an admin's override "
                + "winning where it speaks") QuotaJson quota) {

    @Schema(name = "UserGroup")
    public record Group(String name) {
    }
}
