package org.sciplat.token.core.token;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An edit of a user token: each field is either left alone (null) or set. {@code description} and
 * {@code expires} hold an {@code Optional} so that "remove it" or "make it never expire" (present but empty)
 * differs from "leave it" (null).
 */
public record TokenChanges(String name, Optional<String> description, Set<String> scopes,
        Optional<Instant> expires) {

    public boolean isEmpty() {
        return name == null && description == null && scopes == null && expires == null;
    }
}
