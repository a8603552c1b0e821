package org.sciplat.token.core.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sciplat.token.core.InvalidCursorException;

/**
 * Where a page of history starts: just past the row with this time and id, going back in time, or for a
 * {@code previous} cursor going forward. Written as {@code [p]<epoch second>_<id>}, as the anchor writes it.
 */
public record HistoryCursor(boolean previous, long epochSecond, long id) {

    private static final Pattern FORM = Pattern.compile("(p?)(\\d{1,12})_(\\d{1,18})");

    /** A cursor a client sent back; an unknown or malformed one is refused rather than restarting from the top. */
    static HistoryCursor parse(String cursor) {
        Matcher m = FORM.matcher(cursor);
        if (!m.matches()) {
            throw new InvalidCursorException(cursor);
        }
        return new HistoryCursor(!m.group(1).isEmpty(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    static HistoryCursor at(TokenChange row, boolean previous) {
        return new HistoryCursor(previous, row.eventTime().getEpochSecond(), row.id());
    }

    @Override
    public String toString() {
        return (previous ? "p" : "") + epochSecond + "_" + id;
    }
}
