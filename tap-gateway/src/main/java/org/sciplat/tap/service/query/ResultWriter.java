package org.sciplat.tap.service.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.sciplat.tap.service.Xml;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * Writes a query result, and the VOTable error document TAP clients understand (DALI section 4.4): a results
 * RESOURCE with QUERY_STATUS OK before the table and OVERFLOW after it when MAXREC cut the result short.
 */
final class ResultWriter {

    /** First in a VOTable, before anything else, even whitespace. */
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String VOTABLE_START = """
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <RESOURCE type="results">
            """;
    private static final String VOTABLE_END = "</RESOURCE>\n</VOTABLE>\n";

    private ResultWriter() {
    }

    /** Writes the result; a VOTable without its XML declaration if that has gone out already (declared). */
    static void write(ResultTable table, ResultFormat format, String adql, OutputStream out, boolean declared)
            throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        switch (format) {
            case VOTABLE, VOTABLE_BINARY2 -> {
                writer.write(declared ? VOTABLE_START : DECLARATION + VOTABLE_START);
                writer.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
                writer.write("<INFO name=\"QUERY\" value=\"" + Xml.escape(adql) + "\"/>\n");
                DataFormat data = format == ResultFormat.VOTABLE ? DataFormat.TABLEDATA : DataFormat.BINARY2;
                VOSerializer.makeSerializer(data, VOTableVersion.V14, table).writeInlineTableElement(writer);
                if (table.overflowed()) {
                    writer.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
                }
                writer.write(VOTABLE_END);
            }
            case CSV -> delimited(table, writer, ',');
            case TSV -> delimited(table, writer, '\t');
            default -> throw new IllegalArgumentException(format.name());
        }
        writer.flush();
    }

    /** An error as a VOTable: the message in a QUERY_STATUS ERROR INFO. */
    static void error(String message, OutputStream out) throws IOException {
        error(message, out, false);
    }

    /** The error VOTable, without its XML declaration if that has gone out already (declared). */
    static void error(String message, OutputStream out, boolean declared) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(declared ? VOTABLE_START : DECLARATION + VOTABLE_START);
        writer.write("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + Xml.escape(message) + "</INFO>\n");
        writer.write(VOTABLE_END);
        writer.flush();
    }

    private static void delimited(ResultTable table, BufferedWriter writer, char separator) throws IOException {
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (i > 0) {
                writer.write(separator);
            }
            writer.write(cell(table.getColumnInfo(i).getName(), separator));
        }
        writer.write("\r\n");
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                Object[] row = rows.getRow();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        writer.write(separator);
                    }
                    writer.write(row[i] == null ? "" : cell(row[i].toString(), separator));
                }
                writer.write("\r\n");
            }
        }
    }

    /** A CSV cell quoted as RFC 4180 asks; a TSV cell cannot quote, so its tabs and line breaks become spaces. */
    private static String cell(String value, char separator) {
        if (separator == '\t') {
            return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
