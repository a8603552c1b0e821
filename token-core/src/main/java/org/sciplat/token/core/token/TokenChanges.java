package org.sciplat.token.core.token;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An edit of a user token: each field is either left alone (absent) or set. {@code expires} holds an
 * {@code Optional} so that "make it never expire" (present but empty) differs from "leave it" (null).
 */
public record TokenChanges(String name, Set<String> scopes, Optional<Instant> expires) {

    public boolean isEmpty() {
        return name == null && scopes == null && expires == null;
    }
}
