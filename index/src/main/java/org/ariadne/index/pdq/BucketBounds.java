package org.ariadne.index.pdq;

/**
 * Where each bucket of a table starts among its entries, in about two bytes a bucket: every 64th
 * bucket's start as an int, and each bucket's start counted from its block's as a char. Twice the
 * buckets for the memory of int offsets, so half the entries to scan a lookup. A table where some
 * 64 buckets hold 65,536 entries or more (hashes all alike) keeps int offsets instead.
 */
final class BucketBounds {

    private static final int BLOCK_BITS = 6;

    /** Each block's first start; null if the table keeps {@link #wide} offsets. */
    private final int[] blockStart;
    /** Each bucket's start minus its block's, bucket count + 1 of them. */
    private final char[] within;
    /** Each bucket's start, when some block holds too many entries for {@link #within}; else null. */
    private final int[] wide;

    private BucketBounds(int[] blockStart, char[] within, int[] wide) {
        this.blockStart = blockStart;
        this.within = within;
        this.wide = wide;
    }

    /** From {@code starts}: bucket b's entries lie from {@code starts[b]} to {@code starts[b + 1]}. */
    static BucketBounds of(int[] starts) {
        int[] blockStart = new int[((starts.length - 1) >>> BLOCK_BITS) + 1];
        char[] within = new char[starts.length];
        for (int b = 0; b < starts.length; b++) {
            int block = b >>> BLOCK_BITS;
            if ((b & ((1 << BLOCK_BITS) - 1)) == 0) {
                blockStart[block] = starts[b];
            }
            int offset = starts[b] - blockStart[block];
            if (offset > Character.MAX_VALUE) {
                return new BucketBounds(null, null, starts);
            }
            within[b] = (char) offset;
        }
        return new BucketBounds(blockStart, within, null);
    }

    /** Where bucket {@code bucket}'s entries start; {@code start(bucket + 1)} is where they end. */
    int start(int bucket) {
        return wide != null ? wide[bucket] : blockStart[bucket >>> BLOCK_BITS] + within[bucket];
    }

    long memoryBytes() {
        return wide != null ? 4L * wide.length + 16 : 4L * blockStart.length + 2L * within.length + 32;
    }
}
