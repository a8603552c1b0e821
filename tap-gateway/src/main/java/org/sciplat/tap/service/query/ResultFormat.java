package org.sciplat.tap.service.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The result formats the service writes, with the RESPONSEFORMAT values (MIME types and aliases) that ask for each. */
public enum ResultFormat {
    VOTABLE("application/x-votable+xml", "votable", "ivo://ivoa.net/std/TAPRegExt#output-votable-td",
            "application/x-votable+xml", "votable", "votable/td", "text/xml", "application/xml",
            "application/x-votable+xml;serialization=tabledata"),
    VOTABLE_BINARY2("application/x-votable+xml;serialization=BINARY2", "votable/b2",
            "ivo://ivoa.net/std/TAPRegExt#output-votable-binary2",
            "application/x-votable+xml;serialization=binary2", "votable/b2"),
    CSV("text/csv", "csv", null, "text/csv", "csv", "text/csv;header=present"),
    TSV("text/tab-separated-values", "tsv", null, "text/tab-separated-values", "tsv");

    private final String mimeType;
    private final String alias;
    private final String standardId;
    private final List<String> accepted;

    ResultFormat(String mimeType, String alias, String standardId, String... accepted) {
        this.mimeType = mimeType;
        this.alias = alias;
        this.standardId = standardId;
        this.accepted = Arrays.asList(accepted);
    }

    /** The format a RESPONSEFORMAT (or FORMAT) value asks for; VOTable when there is none. */
    public static ResultFormat of(String requested) {
        if (requested == null || requested.isBlank()) {
            return VOTABLE;
        }
        String wanted = requested.replace(" ", "").toLowerCase(Locale.ROOT);
        for (ResultFormat format : values()) {
            if (format.accepted.contains(wanted)) {
                return format;
            }
        }
        throw new InvalidQueryException("RESPONSEFORMAT '" + requested + "' is not supported; use one of: "
                + String.join(", ", Arrays.stream(values()).map(ResultFormat::alias).toList()));
    }

    public String mimeType() {
        return mimeType;
    }

    public String alias() {
        return alias;
    }

    /** The TAPRegExt identifier of a standard format, or null. */
    public String standardId() {
        return standardId;
    }
}
