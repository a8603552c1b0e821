package org.sciplat.tap.service.uws;

/**
 * A job's result as the database keeps it: written in the format the job asked for (its MIME type), so many bytes
 * in so many chunks, holding so many rows, and cut short by MAXREC or not.
 */
public record StoredResult(String mimeType, long rows, boolean overflow, long bytes, int chunks) {
}
