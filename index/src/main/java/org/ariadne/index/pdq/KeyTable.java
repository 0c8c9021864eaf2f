package org.ariadne.index.pdq;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One substring's table of a segment: the segment's ids in the order of their keys, and where each key's
 * ids lie, so that a lookup reads exactly the ids of the key it asks for.
 *
 * <p>Where the keys' ids lie is a unary code: for each key in turn, a one for each of its ids, then a
 * zero. Key k's ids then start at the number of ones before its k-th zero. A directory says where each
 * block of keys starts, a block being as many keys as hold about 20 ids (32 keys at 10 million ids and
 * 2^24 keys), so that a block's code fits one 64-bit window: a lookup reads one int and one window and
 * selects in it with {@link Long#expand}. At 10 million ids and 2^24 keys the code takes 2.7 bits an id
 * and the directory 1.7, so the ids can go without any of their key's bits: 3 bytes each, 3.6 bytes an
 * id a table with everything. (A table of buckets whose ids carried the key's low bits, its previous
 * form, scanned about ten ids a lookup to keep one.)
 */
final class KeyTable {

    /**
     * Ids a directory block should hold: so many that a block of keys and their ids, one bit each, fits the
     * 64 bits of one window of the code, so that a lookup reads one window.
     */
    private static final int IDS_PER_BLOCK = 20;
    /** Keys a block covers at the most (and at the fewest: 2). */
    private static final int MAX_BLOCK_BITS = 6;
    /** Ids of a table are 3 bytes, so a segment holds at most 2^24. */
    static final int ID_BYTES = 3;
    private static final int ID_MASK = (1 << 8 * ID_BYTES) - 1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Partitions the ids are first staged in by their key's high bits, so that the final writes stay close together. */
    private static final int PARTITION_BITS = 8;
    /** The shortest keys a table takes: a partition must hold at least one block of keys. */
    static final int MIN_KEY_BITS = PARTITION_BITS + MAX_BLOCK_BITS;

    /** Keys a directory block covers: 2^blockBits. */
    private final int blockBits;
    /** Ids by key, 3 bytes each, and four bytes more so that the last, and the place after it, can be read as ints. */
    private final byte[] ids;
    /** For each block of keys, the index of its first id; one more at the end. */
    private final int[] blockFirst;
    /** The unary code of each key's id count, with two words to spare for reading a window at its end. */
    private final long[] code;

    private KeyTable(int blockBits, byte[] ids, int[] blockFirst, long[] code) {
        this.blockBits = blockBits;
        this.ids = ids;
        this.blockFirst = blockFirst;
        this.code = code;
    }

    /**
     * Builds the table of {@code size} ids, id i with key {@code keys[i]} of {@code keyBits} bits (at least
     * {@value #MIN_KEY_BITS}); {@code staged} is scratch of at least {@code size}. Ids are first
     * staged by their key's top 8 bits, one run after another, then each run is sorted by the rest of the
     * key, which now lies in a small part of the table: written straight, each id would land at random in
     * 30 MB at 10 million, a cache miss apiece.
     */
    static KeyTable build(int[] keys, int size, int keyBits, long[] staged) {
        if (keyBits < MIN_KEY_BITS || keyBits > 30 || size > ID_MASK + 1) {
            throw new IllegalArgumentException("a table of " + size + " ids by keys of " + keyBits + " bits");
        }
        int below = keyBits - PARTITION_BITS;
        int belowMask = (1 << below) - 1;
        int[] partitionStart = new int[(1 << PARTITION_BITS) + 1];
        for (int i = 0; i < size; i++) {
            partitionStart[(keys[i] >>> below) + 1]++;
        }
        for (int p = 0; p < 1 << PARTITION_BITS; p++) {
            partitionStart[p + 1] += partitionStart[p];
        }
        int[] fill = Arrays.copyOf(partitionStart, 1 << PARTITION_BITS);
        for (int i = 0; i < size; i++) {
            staged[fill[keys[i] >>> below]++] = (long) keys[i] << Integer.SIZE | i;
        }

        // keys a block: a power of two near IDS_PER_BLOCK / (ids a key)
        int blockBits = Math.clamp(63 - Long.numberOfLeadingZeros(((long) IDS_PER_BLOCK << keyBits) / Math.max(1, size)), 1, MAX_BLOCK_BITS);
        int blockMask = (1 << blockBits) - 1;
        byte[] ids = new byte[ID_BYTES * size + 4];
        int[] blockFirst = new int[(1 << (keyBits - blockBits)) + 1];
        long[] code = new long[(int) ((size + (1L << keyBits) + 63) >>> 6) + 2];
        int[] next = new int[1 << below];
        for (int p = 0; p < 1 << PARTITION_BITS; p++) {
            int from = partitionStart[p];
            int to = partitionStart[p + 1];
            Arrays.fill(next, 0);
            for (int j = from; j < to; j++) {
                next[(int) (staged[j] >>> Integer.SIZE) & belowMask]++;
            }
            int at = from;
            for (int low = 0; low <= belowMask; low++) {
                int n = next[low];
                next[low] = at;
                at += n;
                if ((low & blockMask) == 0) {
                    blockFirst[(p << below | low) >>> blockBits] = next[low];
                }
            }
            for (int j = from; j < to; j++) {
                long entry = staged[j];
                int key = (int) (entry >>> Integer.SIZE);
                int position = next[key & belowMask]++;
                int id = (int) entry;
                ids[ID_BYTES * position] = (byte) id;
                ids[ID_BYTES * position + 1] = (byte) (id >>> 8);
                ids[ID_BYTES * position + 2] = (byte) (id >>> 16);
                long bit = (long) position + key; // the ones before it are its ids, the zeros the keys before its own
                code[(int) (bit >>> 6)] |= 1L << bit;
            }
        }
        blockFirst[blockFirst.length - 1] = size;
        return new KeyTable(blockBits, ids, blockFirst, code);
    }

    /** The id at {@code index} in key order (0 at {@code index} = size: a place read without being used). */
    int id(int index) {
        return (int) INT.get(ids, ID_BYTES * index) & ID_MASK;
    }

    /**
     * Where key {@code key}'s ids lie: the index of the first in the high int, their number in the low.
     */
    long find(int key) {
        return find(key, blockFirst(key));
    }

    /**
     * Where the block of key {@code key} starts among the ids: the first of a lookup's two dependent
     * reads, for a caller that makes many lookups to read all of them first, and so overlap their misses.
     */
    int blockFirst(int key) {
        return blockFirst[key >>> blockBits];
    }

    /** As {@link #find(int)}, given the key's {@link #blockFirst}. */
    long find(int key, int first) {
        int block = key >>> blockBits;
        int blockAt = (block << blockBits) + first; // the zeros before it end the earlier keys, the ones are their ids
        int before = key & ((1 << blockBits) - 1);
        long zeros = ~window(blockAt);
        if (Long.bitCount(zeros) > before) {
            // the zeros that end the key before and the key itself, both in the window (for key 0 of a block, only its own)
            long ends = Long.expand(1L << before | 1L << before >>> 1, zeros);
            int end = 63 - Long.numberOfLeadingZeros(ends);
            int begin = (Long.numberOfTrailingZeros(ends) + 1) & -Math.min(before, 1);
            return (long) (first + begin - before) << Integer.SIZE | end - begin;
        }
        // a block with more ids than a window holds: hashes much alike
        int at = before == 0 ? blockAt : zero(blockAt, before - 1) + 1;
        int start = first + (at - blockAt) - before;
        return (long) start << Integer.SIZE | zero(at, 0) - at;
    }

    /** The position of the {@code rank}-th zero of the code (counting from 0) from bit {@code from} on. */
    private int zero(int from, int rank) {
        for (;;) {
            long zeros = ~window(from);
            int n = Long.bitCount(zeros);
            if (rank < n) {
                return from + Long.numberOfTrailingZeros(Long.expand(1L << rank, zeros));
            }
            rank -= n;
            from += 64;
        }
    }

    /** The 64 bits of the code from bit {@code at} on. */
    private long window(int at) {
        int word = at >>> 6;
        int shift = at & 63;
        return code[word] >>> shift | code[word + 1] << 1 << (63 - shift);
    }

    long memoryBytes() {
        return ids.length + 16 + 4L * blockFirst.length + 16 + 8L * code.length + 16 + 32;
    }
}
