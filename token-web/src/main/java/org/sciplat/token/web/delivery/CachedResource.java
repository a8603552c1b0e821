package org.sciplat.token.web.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * One style sheet, script, font or image as Faces served it, in both encodings a browser may ask for. The tag is
 * weak: the two encodings are one resource.
 */
record CachedResource(String contentType, String cacheControl, String lastModified, String etag, byte[] identity,
        byte[] gzip) {

    static CachedResource of(String contentType, String cacheControl, String lastModified, byte[] body) {
        return new CachedResource(contentType, cacheControl, lastModified, "W/\"" + digest(body) + "\"", body,
                gzipped(body));
    }

    /** What the entry costs the cache, in bytes. */
    int weight() {
        return identity.length + gzip.length;
    }

    /** Whether a browser's If-None-Match names this entry, so that a 304 answers it. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = etag.substring(2);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] gzipped(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
