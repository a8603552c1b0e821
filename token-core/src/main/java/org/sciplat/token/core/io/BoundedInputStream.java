package org.sciplat.token.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * A stream that throws, unchecked so that no parser can take it for the end of its input, once more than its limit
 * has been read: the exception is the caller's own, made from the limit.
 */
public class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final LongFunction<? extends RuntimeException> tooLarge;
    private long read;

    public BoundedInputStream(InputStream in, long limit, LongFunction<? extends RuntimeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long bytes) {
        read += bytes;
        if (read > limit) {
            throw tooLarge.apply(limit);
        }
    }
}
