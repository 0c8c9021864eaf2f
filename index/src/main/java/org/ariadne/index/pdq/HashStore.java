package org.ariadne.index.pdq;

import java.util.Arrays;

/**
 * The hashes themselves, 4 longs an id, in chunks of 65,536 ids so that growing never copies what is
 * already stored. One thread writes; readers work on a {@link Snapshot}, which shares the chunks and sees
 * every id below its count completely written.
 */
final class HashStore {

    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = new long[0][];
    private int count;

    /** Where id's four words start in its chunk. */
    static int offset(int id) {
        return (id & MASK) << 2;
    }

    /** Appends a hash and returns its id. */
    int append(long w0, long w1, long w2, long w3) {
        room();
        long[] chunk = chunks[count >>> CHUNK_BITS];
        int at = offset(count);
        chunk[at] = w0;
        chunk[at + 1] = w1;
        chunk[at + 2] = w2;
        chunk[at + 3] = w3;
        return count++;
    }

    /** Appends the {@code count} hashes whose words lie one after another in {@code words} from {@code offset}; returns the first's id. */
    int appendAll(long[] words, int offset, int count) {
        int first = this.count;
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, room());
            System.arraycopy(words, offset + 4 * done, chunks[this.count >>> CHUNK_BITS], offset(this.count), 4 * n);
            this.count += n;
            done += n;
        }
        return first;
    }

    /** Makes room for the next hash (a new chunk after a full one) and returns how many fit in its chunk. */
    private int room() {
        if (count == Integer.MAX_VALUE) {
            throw new IllegalStateException("an index holds at most " + Integer.MAX_VALUE + " entries");
        }
        if (count == chunks.length * CHUNK) {
            chunks = Arrays.copyOf(chunks, chunks.length + 1);
            chunks[chunks.length - 1] = new long[CHUNK * 4];
        }
        return Math.min(CHUNK - (count & MASK), Integer.MAX_VALUE - count);
    }

    int count() {
        return count;
    }

    Snapshot snapshot() {
        return new Snapshot(chunks, count);
    }

    long memoryBytes() {
        return (long) chunks.length * (CHUNK * 4L * Long.BYTES + 16) + 64;
    }

    /** What a reader sees: ids below {@code count}, with the chunks as they were then. */
    record Snapshot(long[][] chunks, int count) {

        long[] chunk(int id) {
            return chunks[id >>> CHUNK_BITS];
        }
    }
}
