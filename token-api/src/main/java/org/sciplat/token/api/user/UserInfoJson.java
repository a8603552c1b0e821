package org.sciplat.token.api.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sciplat.token.api.quota.QuotaJson;

/**
 * The anchor's user-info shape: what the directory knows of the user (the built-in one, or what the identity
 * provider and LDAP said at the last login), with the user's quotas.
 */
@Schema(name = "UserInfo")
public record UserInfoJson(String username, String name, String email,
        @Schema(description = "The user's POSIX uid, where known") Long uid,
        @Schema(description = "The user's primary POSIX gid, where known") Long gid,
        List<Group> groups,
        @Schema(description = "Absent when nothing limits the user: what their groups grant, an admin's override "
                + "winning where it speaks") QuotaJson quota) {

    @Schema(name = "UserGroup")
    public record Group(String name, @Schema(description = "The group's POSIX gid, where known") Long id) {
    }
}
