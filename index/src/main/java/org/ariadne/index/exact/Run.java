package org.ariadne.index.exact;

import java.util.Arrays;

/**
 * A contiguous range of ids sorted by key (equal keys by id), immutable once made. Large runs keep where each
 * value of the keys' first two bytes starts, so that a lookup searches about a 65,000th of the run.
 */
final class Run {

    private static final int DIRECTORY_FROM = 1 << 16;

    final int[] ids;
    /** The largest id in the run. */
    final int maxId;
    /**
     * Positions {@code p} where the key of {@code ids[p]} may equal that of {@code ids[p - 1]} (their
     * leading bits are equal), ascending; null if not known (a merged run). Found for free while
     * sorting, they let {@link ExactHashIndex#duplicates} skip walking the whole run.
     */
    final int[] ties;
    private final int[] starts; // null for small runs

    private Run(int[] ids, int maxId, int[] ties, KeyStore.Snapshot store) {
        this.ids = ids;
        this.maxId = maxId;
        this.ties = ties;
        if (ids.length >= DIRECTORY_FROM) {
            starts = new int[(1 << 16) + 1];
            // a run holds a contiguous range of ids (sorted from one, or merged from neighbours): counting
            // them in id order reads the keys one after another, not at random (10 million cache misses)
            for (int id = maxId - ids.length + 1; id <= maxId; id++) {
                starts[(int) (store.prefix(id) >>> 48) + 1]++;
            }
            for (int b = 0; b < 1 << 16; b++) {
                starts[b + 1] += starts[b];
            }
        } else {
            starts = null;
        }
    }

    /** Sorts ids {@code from} to {@code to - 1} into a run. */
    static Run sorted(KeyStore.Snapshot store, int from, int to) {
        int[] ids = new int[to - from];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = from + i;
        }
        int[] ties = sortByKey(store, ids);
        return new Run(ids, to - 1, ties, store);
    }

    /**
     * Sorts {@code ids} (ascending on entry) in place by key, equal keys by id, and returns the tie
     * positions (see {@link #ties}). Each id is packed with its key's leading bits into a long, so that
     * one primitive sort does nearly all the work; ids whose leading bits tie are then put in order by
     * their whole keys.
     */
    static int[] sortByKey(KeyStore.Snapshot store, int[] ids) {
        int n = ids.length;
        int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, store.count() - 1)));
        long idMask = (1L << idBits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            packed[i] = (store.prefix(id) >>> idBits << idBits) | id;
        }
        sortUnsigned(packed, idBits);
        for (int i = 0; i < n; i++) {
            ids[i] = (int) (packed[i] & idMask);
        }
        int[][] ties = {new int[16]};
        int tieCount = 0;
        // Ties on the leading bits: a short insertion sort by the whole key (then id) within each.
        for (int i = 1; i < n; i++) {
            if ((packed[i] ^ packed[i - 1]) >>> idBits == 0) {
                tieCount = add(ties, tieCount, i);
                int id = ids[i];
                int j = i - 1;
                while (j >= 0 && (packed[j] ^ packed[i]) >>> idBits == 0 && later(store, ids[j], id)) {
                    ids[j + 1] = ids[j];
                    j--;
                }
                ids[j + 1] = id;
            }
        }
        return Arrays.copyOf(ties[0], tieCount);
    }

    /** Below this many values a comparison sort is quicker than radix passes over 2^11 counters. */
    private static final int RADIX_FROM = 1 << 12;
    private static final int DIGIT_BITS = 11;

    /**
     * Sorts values, whose bits below {@code fromBit} are already ascending, as unsigned numbers. Large
     * arrays by a least-significant-digit radix sort of the bits from {@code fromBit} up: it is stable, so
     * the low bits stay in order; four passes of sequential reads and 2^11 write streams, 0.3-0.4 s for
     * 10 million on one core where {@code Arrays.parallelSort} took 0.85 s on two (bench/RESULTS.md).
     */
    static void sortUnsigned(long[] values, int fromBit) {
        if (values.length < RADIX_FROM) {
            for (int i = 0; i < values.length; i++) {
                values[i] ^= Long.MIN_VALUE;
            }
            Arrays.sort(values);
            for (int i = 0; i < values.length; i++) {
                values[i] ^= Long.MIN_VALUE;
            }
            return;
        }
        long[] from = values;
        long[] to = new long[values.length];
        int[] count = new int[(1 << DIGIT_BITS) + 1];
        for (int shift = fromBit; shift < Long.SIZE; shift += DIGIT_BITS) {
            int mask = (1 << Math.min(DIGIT_BITS, Long.SIZE - shift)) - 1;
            Arrays.fill(count, 0);
            for (long v : from) {
                count[(int) (v >>> shift & mask) + 1]++;
            }
            for (int d = 0; d < mask + 1; d++) {
                count[d + 1] += count[d];
            }
            for (long v : from) {
                to[count[(int) (v >>> shift & mask)]++] = v;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, values.length);
        }
    }

    /** Appends {@code value} to the growable array {@code into[0]} holding {@code count} values; returns the new count. */
    static int add(int[][] into, int count, int value) {
        if (count == into[0].length) {
            into[0] = Arrays.copyOf(into[0], count * 2);
        }
        into[0][count] = value;
        return count + 1;
    }

    private static boolean later(KeyStore.Snapshot store, int a, int b) {
        int byKey = store.compare(a, b);
        return byKey > 0 || (byKey == 0 && a > b);
    }

    /** The two runs as one (a linear merge). */
    static Run merged(Run a, Run b, KeyStore.Snapshot store) {
        int[] ids = new int[a.ids.length + b.ids.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.ids.length && j < b.ids.length) {
            ids[k++] = later(store, a.ids[i], b.ids[j]) ? b.ids[j++] : a.ids[i++];
        }
        while (i < a.ids.length) {
            ids[k++] = a.ids[i++];
        }
        while (j < b.ids.length) {
            ids[k++] = b.ids[j++];
        }
        return new Run(ids, Math.max(a.maxId, b.maxId), null, store);
    }

    int size() {
        return ids.length;
    }

    long memoryBytes() {
        return 4L * ids.length + (starts == null ? 0 : 4L * starts.length) + 48;
    }

    /** Adds the ids whose key equals {@code key} to {@code found}; returns the new count. */
    int find(byte[] key, KeyStore.Snapshot store, int[][] found, int count) {
        int lo = 0;
        int hi = ids.length;
        if (starts != null) {
            int b = ((key[0] & 0xff) << 8) | (key[1] & 0xff);
            lo = starts[b];
            hi = starts[b + 1];
        }
        while (lo < hi) { // first position whose key is not below the query
            int mid = (lo + hi) >>> 1;
            if (store.compare(ids[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < ids.length && store.compare(ids[i], key) == 0; i++) {
            count = add(found, count, ids[i]);
        }
        return count;
    }
}
