package org.sciplat.tap.service.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The part of an uploaded VOTable before its first element, checked before any XML parser reads it: a document type
 * declaration is refused, since its entities could make the parser read the server's files or other hosts, or
 * expand without end. VOTables need none. Only encodings that write ASCII as ASCII (UTF-8, Latin-1) can be checked
 * so, and are accepted.
 */
final class VotableProlog {

    private static final int MAX_PROLOG = 16_384;

    private VotableProlog() {
    }

    /** Reads ahead in the stream (which must support mark) and resets it. */
    static void requireSafe(InputStream in, String table) throws IOException {
        in.mark(MAX_PROLOG);
        byte[] head = in.readNBytes(MAX_PROLOG);
        in.reset();
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.indexOf('\0') >= 0 || text.startsWith("\u00fe\u00ff") || text.startsWith("\u00ff\u00fe")) {
            throw new UploadRefusedException("UPLOAD " + table + ": send the VOTable in UTF-8");
        }
        int root = firstElement(text);
        if (root < 0) {
            throw new UploadRefusedException("UPLOAD " + table + " is not a VOTable: no XML element in its first "
                    + MAX_PROLOG + " bytes");
        }
        if (text.substring(0, root).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new UploadRefusedException("UPLOAD " + table + ": a VOTable with a document type declaration"
                    + " (<!DOCTYPE) is not accepted");
        }
    }

    /** Where the first element starts: a '<' followed by a letter, past declarations and comments. */
    private static int firstElement(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '<' && Character.isLetter(text.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }
}
