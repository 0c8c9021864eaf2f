package org.ariadne.triage.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it, and tells a subclass of each read (the place to check a limit). It
 * supports no mark, so that a reader above it buffers on its own and what is counted is what was read.
 */
class CountingInputStream extends FilterInputStream {

    private long count;

    CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    final long count() {
        return count;
    }

    /** Called after every read that gave bytes, once they are counted. */
    void counted(int bytes) throws IOException {
    }

    @Override
    public final int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count++;
            counted(1);
        }
        return b;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            counted(n);
        }
        return n;
    }

    /** Skips by reading, so that skipped bytes are counted (and checked) like read ones. */
    @Override
    public final long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }

    @Override
    public final void mark(int limit) {
    }

    @Override
    public final void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
