package org.sciplat.tap.service.adql;

import net.sf.jsqlparser.schema.Table;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapTable;

/** A table in a FROM clause, with the alias the query gives it and the one the SQL uses. */
record Source(TapTable table, Name alias, String sqlAlias) {

    boolean answersTo(Table qualifier) {
        Name name = Name.of(qualifier.getName());
        if (qualifier.getSchemaName() != null) {
            return alias == null && Name.of(qualifier.getSchemaName()).is(table.schema()) && name.is(table.name());
        }
        return alias != null ? alias.sameAs(name) : name.is(table.name());
    }

    /** One of this table's columns in the SQL, qualified by the SQL's alias for the table. */
    String columnSql(TapColumn column, Catalogue catalogue) {
        return "\"" + sqlAlias + "\"." + catalogue.physical(column.identifier());
    }
}
