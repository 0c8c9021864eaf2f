package org.ariadne.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which entries of an index are removed: a bit an id, in chunks of 65,536 ids so that growing never copies.
 * One thread writes (it calls {@link #cover} before it publishes a new id); any thread reads, and sees a
 * removal as soon as it is made.
 */
public final class Removals {

    private static final int CHUNK_BITS = 16;
    private static final int MASK = (1 << CHUNK_BITS) - 1;
    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile long[][] chunks = new long[0][];

    /** Makes room for ids below {@code count}. */
    public void cover(int count) {
        long[][] current = chunks;
        int needed = (int) (((long) count + MASK) >>> CHUNK_BITS);
        if (needed > current.length) {
            long[][] grown = Arrays.copyOf(current, needed);
            for (int c = current.length; c < needed; c++) {
                grown[c] = new long[(MASK + 1) / 64];
            }
            chunks = grown;
        }
    }

    public void mark(int id) {
        long[] bits = chunks[id >>> CHUNK_BITS];
        int word = (id & MASK) >>> 6;
        BITS.setRelease(bits, word, (long) BITS.getAcquire(bits, word) | (1L << id));
    }

    public boolean contains(int id) {
        long[] bits = chunks[id >>> CHUNK_BITS];
        return ((long) BITS.getAcquire(bits, (id & MASK) >>> 6) & (1L << id)) != 0;
    }

    /** The removed ids below {@code count}, ascending. */
    public int[] list(int count) {
        int[] ids = new int[16];
        int n = 0;
        for (int id = 0; id < count; id++) {
            if (contains(id)) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = id;
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /**
     * Marks {@code n} ids read from an index file's data, each checked to be one of its {@code count} entries.
     *
     * @throws IndexFileException naming the file, for an id that is not an entry
     */
    public void read(ByteBuffer data, int n, int count, Path file) throws IndexFileException {
        cover(count);
        for (int i = 0; i < n; i++) {
            int id = data.getInt();
            if (id < 0 || id >= count) {
                throw new IndexFileException(file, "corrupt: removed id " + id + " is not an entry");
            }
            mark(id);
        }
    }

    public long memoryBytes() {
        return (long) chunks.length * ((MASK + 1) / 8 + 16) + 32;
    }
}
