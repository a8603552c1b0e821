package org.sciplat.token.core.schema;

/** Fired once the schema is up to date, for whatever must wait for the tables: seed data, for one. */
public record SchemaMigrated(String version) {
}
