package org.sciplat.token.core.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** A set of scope names as the database stores it: sorted and comma-joined, as in the anchor's schema. */
public final class ScopeSet {

    private ScopeSet() {
    }

    public static String join(Collection<String> scopes) {
        return String.join(",", new TreeSet<>(scopes));
    }

    public static SortedSet<String> split(String column) {
        if (column == null || column.isEmpty()) {
            return Collections.emptySortedSet();
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(column.split(","))));
    }
}
