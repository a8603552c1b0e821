package org.sciplat.tap.service.catalogue;

import java.util.Locale;

/**
 * A table's position columns and the indexed column holding each row's {@link org.sciplat.tap.service.sky.SkyCells}
 * cell, which the table does not publish: queries of shapes on those positions read only the rows of the cells
 * covering the shape.
 */
public record SkyIndex(String ra, String dec, String cell) {

    public SkyIndex {
        ra = ra.toLowerCase(Locale.ROOT);
        dec = dec.toLowerCase(Locale.ROOT);
        cell = cell.toLowerCase(Locale.ROOT);
    }
}
