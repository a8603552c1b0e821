package org.sciplat.tap.service.adql;

import org.sciplat.tap.service.catalogue.TapTable;

/**
 * A table a query brought with it (TAP_UPLOAD): visible to that query only, as TAP_UPLOAD.name, and stored under a
 * physical name (quoted, schema-qualified) that no other query can name.
 */
public record UploadedTable(TapTable table, String physicalName) {

    /** The schema ADQL names uploaded tables by. */
    public static final String SCHEMA = "tap_upload";
}
