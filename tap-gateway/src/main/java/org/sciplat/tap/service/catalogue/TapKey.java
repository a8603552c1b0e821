package org.sciplat.tap.service.catalogue;

/** A single-column foreign key between published tables, as TAP_SCHEMA.keys and key_columns record it. */
public record TapKey(String id, String fromTable, String fromColumn, String targetTable, String targetColumn,
        String description) {
}
