package org.sciplat.tap.service.catalogue;

import java.util.Locale;
import java.util.Objects;

/**
 * A published column, described as TAP_SCHEMA.columns and VOSI /tables describe it. The datatype is a VOTable
 * datatype; arraysize is null for a scalar, "*" for a variable-length string, or a fixed length.
 */
public record TapColumn(
        String name,
        String datatype,
        String arraysize,
        String xtype,
        String unit,
        String ucd,
        String utype,
        String description,
        boolean indexed,
        boolean principal,
        boolean std,
        boolean nullable) {

    public TapColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(datatype);
        name = name.toLowerCase(Locale.ROOT);
    }

    /** A column with only a name and a type; the {@code with*} methods add the rest. */
    public static TapColumn of(String name, String datatype) {
        return new TapColumn(name, datatype, null, null, null, null, null, null, false, false, false, true);
    }

    public TapColumn withArraysize(String size) {
        return new TapColumn(name, datatype, size, xtype, unit, ucd, utype, description, indexed, principal,
                std, nullable);
    }

    public TapColumn withXtype(String newXtype) {
        return new TapColumn(name, datatype, arraysize, newXtype, unit, ucd, utype, description, indexed,
                principal, std, nullable);
    }

    public TapColumn withUnit(String newUnit) {
        return new TapColumn(name, datatype, arraysize, xtype, newUnit, ucd, utype, description, indexed,
                principal, std, nullable);
    }

    public TapColumn withUcd(String newUcd) {
        return new TapColumn(name, datatype, arraysize, xtype, unit, newUcd, utype, description, indexed, principal,
                std, nullable);
    }

    public TapColumn withUtype(String newUtype) {
        return new TapColumn(name, datatype, arraysize, xtype, unit, ucd, newUtype, description, indexed, principal,
                std, nullable);
    }

    public TapColumn described(String text) {
        return new TapColumn(name, datatype, arraysize, xtype, unit, ucd, utype, text, indexed, principal,
                std, nullable);
    }

    public TapColumn asIndexed() {
        return new TapColumn(name, datatype, arraysize, xtype, unit, ucd, utype, description, true,
                principal, std, nullable);
    }

    public TapColumn asPrincipal() {
        return new TapColumn(name, datatype, arraysize, xtype, unit, ucd, utype, description, indexed, true,
                std, nullable);
    }

    /** A column a standard defines (TAP_SCHEMA's own). */
    public TapColumn asStandard() {
        return new TapColumn(name, datatype, arraysize, xtype, unit, ucd, utype, description, indexed,
                principal, true, nullable);
    }

    public TapColumn asNotNull() {
        return new TapColumn(name, datatype, arraysize, xtype, unit, ucd, utype, description, indexed,
                principal, std, false);
    }

    /**
     * The column's identifier without the quotes of a delimited name: TAP_SCHEMA's own "size" column is published
     * delimited, as ADQL reserves the word, but is a plain column of the database.
     */
    public String identifier() {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    /** The TAP 1.0 "size" column: the fixed length of a fixed-length array, else null. */
    public Integer size() {
        if (arraysize == null || arraysize.endsWith("*")) {
            return null;
        }
        return Integer.valueOf(arraysize);
    }
}
