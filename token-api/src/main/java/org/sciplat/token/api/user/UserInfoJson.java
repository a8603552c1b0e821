package org.sciplat.token.api.user;

import java.util.List;

/** The anchor's user-info shape, with what the built-in directory knows. */
public record UserInfoJson(String username, String name, String email, List<Group> groups) {

    public record Group(String name) {
    }
}
