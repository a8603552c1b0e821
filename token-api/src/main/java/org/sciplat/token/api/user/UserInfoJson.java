package org.sciplat.token.api.user;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The anchor's user-info shape, with what the built-in directory knows and the user's quotas. */
@Schema(name = "UserInfo")
public record UserInfoJson(String username, String name, String email, List<Group> groups, Quota quota) {

    @Schema(name = "UserGroup")
    public record Group(String name) {
    }

    /** Absent when nothing limits the user. */
    @Schema(name = "UserQuota")
    public record Quota(
            @Schema(description = "Requests per minute to each service behind the gate; _default for every service "
                    + "not named. 0: blocked") Map<String, Integer> api) {
    }
}
