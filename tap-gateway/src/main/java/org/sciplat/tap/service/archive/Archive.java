package org.sciplat.tap.service.archive;

import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapTable;

/**
 * What an archive gives the TAP service: the schemas it publishes, with their tables, in the archive database, and
 * when they are ready. sciplat.tap.archive names the one in use (a bean of that name): {@code demo} generates its
 * own table, {@code external} publishes schemas that are there already.
 */
public interface Archive {

    /** A schema to publish, with the tables of it to publish. */
    record Published(TapSchema schema, List<TapTable> tables) {

        public Published {
            tables = List.copyOf(tables);
        }
    }

    /**
     * Gets the tables ready to be queried, returning once they hold what they are to publish (at once if there is
     * nothing to do); run once per start, in the background, after TAP_SCHEMA is published. stopping turns true when
     * the application stops.
     */
    void prepare(BooleanSupplier stopping) throws SQLException, InterruptedException;

    /** What prepare is doing, while it runs, for VOSI availability. */
    String progress();

    /** The schemas to publish once prepare has returned. */
    List<Published> schemas() throws SQLException;
}
