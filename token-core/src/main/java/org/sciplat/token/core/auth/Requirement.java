package org.sciplat.token.core.auth;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * What an entry point requires of its caller: nothing, or scopes, all of them or any one. With nothing required a
 * request without credentials passes (the resource decides), but a credential that is sent must still be valid.
 */
public record Requirement(SortedSet<String> scopes, boolean anyOne) {

    public static final Requirement NONE = new Requirement(new TreeSet<>(), false);

    public Requirement {
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        if (anyOne && scopes.isEmpty()) {
            throw new IllegalArgumentException("Any one of no scopes can never be met");
        }
    }

    public static Requirement scope(String scope) {
        return allOf(List.of(scope));
    }

    public static Requirement allOf(Collection<String> scopes) {
        return new Requirement(new TreeSet<>(nonEmpty(scopes)), false);
    }

    public static Requirement anyOf(Collection<String> scopes) {
        return new Requirement(new TreeSet<>(nonEmpty(scopes)), true);
    }

    boolean needsCaller() {
        return !scopes.isEmpty();
    }

    boolean isMetBy(VerifiedToken token) {
        return anyOne ? scopes.stream().anyMatch(token::hasScope) : scopes.stream().allMatch(token::hasScope);
    }

    /** An empty list of required scopes would silently require nothing. */
    private static Collection<String> nonEmpty(Collection<String> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("A requirement names at least one scope; NONE requires nothing");
        }
        return scopes;
    }
}
