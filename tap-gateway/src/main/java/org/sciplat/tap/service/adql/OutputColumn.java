package org.sciplat.tap.service.adql;

import java.util.Optional;
import org.sciplat.tap.service.catalogue.TapColumn;

/**
 * A column of a query's result: its name, and the published column it is, when it is one (its metadata then
 * describes the result; a computed column is described from the values' type).
 */
public record OutputColumn(String name, TapColumn published) {

    public Optional<TapColumn> publishedColumn() {
        return Optional.ofNullable(published);
    }
}
