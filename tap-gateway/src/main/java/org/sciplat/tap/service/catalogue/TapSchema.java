package org.sciplat.tap.service.catalogue;

import java.util.Locale;

/** A published schema: a group of tables. */
public record TapSchema(String name, String description) {

    public TapSchema {
        name = name.toLowerCase(Locale.ROOT);
    }
}
