package org.ariadne.index.exact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The keys themselves, {@code width} bytes an id, in chunks of 65,536 ids so that growing never copies
 * what is stored. One thread writes; readers work on a {@link Snapshot}.
 */
final class KeyStore {

    /** Reads a key's first 8 bytes as one big-endian long. */
    private static final VarHandle PREFIX = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    final int width;
    private byte[][] chunks = new byte[0][];
    private int count;

    KeyStore(int width) {
        this.width = width;
    }

    int append(byte[] key) {
        return append(key, 0);
    }

    /** Appends the {@code width} bytes of {@code source} from {@code offset} as the next key. */
    int append(byte[] source, int offset) {
        return appendAll(source, offset, 1);
    }

    /** Appends the {@code count} keys that lie one after another in {@code source} from {@code offset}; returns the first's id. */
    int appendAll(byte[] source, int offset, int count) {
        int first = this.count;
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, room());
            System.arraycopy(source, offset + done * width, chunks[this.count >>> CHUNK_BITS], (this.count & MASK) * width,
                    n * width);
            this.count += n;
            done += n;
        }
        return first;
    }

    /** Makes room for the next key (a new chunk after a full one) and returns how many fit in its chunk. */
    private int room() {
        if (count == Integer.MAX_VALUE) {
            throw new IllegalStateException("an index holds at most " + Integer.MAX_VALUE + " entries");
        }
        if (count == chunks.length * CHUNK) {
            chunks = Arrays.copyOf(chunks, chunks.length + 1);
            chunks[chunks.length - 1] = new byte[CHUNK * width];
        }
        return Math.min(CHUNK - (count & MASK), Integer.MAX_VALUE - count);
    }

    int count() {
        return count;
    }

    Snapshot snapshot() {
        return new Snapshot(width, chunks, count);
    }

    long memoryBytes() {
        return (long) chunks.length * ((long) CHUNK * width + 16) + 64;
    }

    /** What a reader sees: ids below {@code count}. */
    record Snapshot(int width, byte[][] chunks, int count) {

        /** Compares id's key with {@code key}, as unsigned bytes. */
        int compare(int id, byte[] key) {
            return Arrays.compareUnsigned(chunks[id >>> CHUNK_BITS], (id & MASK) * width, (id & MASK) * width + width,
                    key, 0, width);
        }

        /** Compares two ids' keys, as unsigned bytes. */
        int compare(int a, int b) {
            return Arrays.compareUnsigned(chunks[a >>> CHUNK_BITS], (a & MASK) * width, (a & MASK) * width + width,
                    chunks[b >>> CHUNK_BITS], (b & MASK) * width, (b & MASK) * width + width);
        }

        /** The key's first 8 bytes, big-endian: its order as an unsigned long is the keys' order. */
        long prefix(int id) {
            return (long) PREFIX.get(chunks[id >>> CHUNK_BITS], (id & MASK) * width);
        }

        byte[] key(int id) {
            int at = (id & MASK) * width;
            return Arrays.copyOfRange(chunks[id >>> CHUNK_BITS], at, at + width);
        }
    }
}
