package org.sciplat.tap.service.migration;

import javax.sql.DataSource;
import org.sciplat.token.core.schema.InMemoryDatabase;

/** A fresh in-memory database as a server on one database has it: the token tables and the TAP service's. */
public final class TapDatabase {

    private TapDatabase() {
    }

    /** A database of this name with core's migrations and the TAP service's applied; each name its own database. */
    public static DataSource migrated(String name) {
        DataSource database = InMemoryDatabase.migrated(name).dataSource();
        TapMigration.apply(database);
        return database;
    }
}
