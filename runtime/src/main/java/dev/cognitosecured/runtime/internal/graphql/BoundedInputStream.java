package dev.cognitosecured.runtime.internal.graphql;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer's body read up to a bound: reading past {@code max} bytes throws {@link TooLarge} as soon as
 * byte {@code max + 1} arrives, so a body that grows without end (a chunked answer) is never read whole.
 * Not thread-safe, as any stream.
 */
final class BoundedInputStream extends FilterInputStream {

    private final long max;
    private long read;

    /** {@code in}, of which at most {@code max} bytes may be read. */
    BoundedInputStream(InputStream in, long max) {
        super(in);
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        this.max = max;
    }

    /** How many bytes were read so far. */
    long bytesRead() {
        return read;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // one byte more than the bound allows, so that a body of exactly max bytes passes
        long allowed = max - read + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, allowed));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, max - read + 1));
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
        // not supported: a reset would undo the count
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void count(long n) throws TooLarge {
        read += n;
        if (read > max) {
            throw new TooLarge(max);
        }
    }

    /** The body went past the bound. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("the body is larger than " + max + " bytes", null);
        }
    }
}
