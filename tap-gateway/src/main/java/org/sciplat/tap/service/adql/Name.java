package org.sciplat.tap.service.adql;

import java.util.Locale;

/** An identifier as written: delimited ones ("Name") are case-sensitive, regular ones are not. */
record Name(String text, boolean delimited) {

    static Name of(String raw) {
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return new Name(raw.substring(1, raw.length() - 1).replace("\"\"", "\""), true);
        }
        if (raw.startsWith("`") || raw.startsWith("[")) {
            throw new AdqlException("Identifier " + raw + " is not ADQL: quote names with double quotes");
        }
        return new Name(raw.toLowerCase(Locale.ROOT), false);
    }

    boolean is(String published) {
        return delimited ? text.equals(published) : text.equalsIgnoreCase(published);
    }

    boolean sameAs(Name other) {
        return delimited || other.delimited ? text.equals(other.text) : text.equalsIgnoreCase(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
