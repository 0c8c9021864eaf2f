package org.ariadne.index.exact;

import java.util.Arrays;

/**
 * A range of ids sorted by key (equal keys by id), immutable once made. Large runs keep where each
 * value of the keys' first two bytes starts, so that a lookup searches about a 65,000th of the run.
 */
final class Run {

    private static final int DIRECTORY_FROM = 1 << 16;

    final int[] ids;
    private final int[] starts; // null for small runs

    private Run(int[] ids, KeyStore.Snapshot store) {
        this.ids = ids;
        if (ids.length >= DIRECTORY_FROM) {
            starts = new int[(1 << 16) + 1];
            for (int id : ids) {
                starts[(int) (store.prefix(id) >>> 48) + 1]++;
            }
            for (int b = 0; b < 1 << 16; b++) {
                starts[b + 1] += starts[b];
            }
        } else {
            starts = null;
        }
    }

    /**
     * Sorts ids {@code from} to {@code to - 1}: each packed with its key's leading bits into a long, so that
     * one primitive parallel sort does nearly all the work; keys whose leading bits tie are then put in
     * order by their whole bytes.
     */
    static Run sorted(KeyStore.Snapshot store, int from, int to) {
        int n = to - from;
        int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, store.count() - 1)));
        long idMask = (1L << idBits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int id = from + i;
            packed[i] = ((store.prefix(id) >>> idBits << idBits) | id) ^ Long.MIN_VALUE;
        }
        Arrays.parallelSort(packed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (int) (packed[i] & idMask);
        }
        // Ties on the leading bits: a short insertion sort by the whole key (then id) within each.
        for (int i = 1; i < n; i++) {
            if ((packed[i] ^ packed[i - 1]) >>> idBits == 0) {
                int id = ids[i];
                int j = i - 1;
                while (j >= 0 && (packed[j] ^ packed[i]) >>> idBits == 0 && later(store, ids[j], id)) {
                    ids[j + 1] = ids[j];
                    j--;
                }
                ids[j + 1] = id;
            }
        }
        return new Run(ids, store);
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
        return new Run(ids, store);
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
            if (count == found[0].length) {
                found[0] = Arrays.copyOf(found[0], count * 2);
            }
            found[0][count++] = ids[i];
        }
        return count;
    }
}
