package org.sciplat.tap.service.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A published table of one schema, with its columns in their published order and its foreign keys, and its sky
 * index if it has one (null if not).
 */
public record TapTable(String schema, String name, String description, List<TapColumn> columns, List<TapKey> keys,
        SkyIndex skyIndex) {

    /** A table without a sky index. */
    public TapTable(String schema, String name, String description, List<TapColumn> columns, List<TapKey> keys) {
        this(schema, name, description, columns, keys, null);
    }

    public TapTable {
        schema = schema.toLowerCase(Locale.ROOT);
        name = name.toLowerCase(Locale.ROOT);
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }

    /** The name TAP_SCHEMA and /tables give it, and ADQL queries use: schema.table. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<SkyIndex> findSkyIndex() {
        return Optional.ofNullable(skyIndex);
    }

    public Optional<TapColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
