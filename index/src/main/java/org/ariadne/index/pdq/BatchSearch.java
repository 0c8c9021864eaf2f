package org.ariadne.index.pdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ariadne.index.Match;
import org.ariadne.index.Removals;
import org.ariadne.index.SignalIndex.ResultSink;

/**
 * Up to {@value #SIZE} queries searched together ({@link PdqIndex#searchAll}), with the same results as
 * {@link Query} gives one by one, found in another order.
 *
 * <p>One query at a time, each of its 2,900 lookups (at r = 31) is a cache miss somewhere in a table of
 * tens of megabytes, and so is each of its 3,000 or more candidates. A batch reads each table once, a
 * cache-sized slice at a time for all its queries ({@link Segment#join}), and checks the candidates in
 * the order of their ids, reading the hashes forwards through memory.
 */
final class BatchSearch {

    /** Queries a batch: enough that reading every table once costs little a query. */
    static final int SIZE = 16_384;
    /** At most this many candidates (8 bytes each) are gathered before they are checked. */
    private static final int CANDIDATE_BLOCK = 1 << 23;
    /** Candidates are checked in order of id, give or take this many low bits. */
    private static final int GROUP_BITS = 3;
    private static final int RADIX_BITS = 12;
    /** References a query is checked against at a time when a batch checks entries one by one. */
    private static final int SCAN_BLOCK = 1024;

    private final HashStore.Snapshot store;
    private final Removals removals;
    private final int radius;
    final int[] budgets;

    private final long[] words = new long[4 * SIZE];
    /** The queries' keys, by substring: {@code keys[t][q]}. */
    private final int[][] keys = new int[Substrings.COUNT][SIZE];
    private int count;

    /** Candidates, each {@code id << 32 | query}, and scratch to sort them. */
    private long[] candidates = new long[4096];
    private long[] scratch = new long[0];
    private int candidateCount;
    private final int[] digitCounts = new int[1 << RADIX_BITS];
    /** The substring whose table the candidates came from. */
    private int table;
    /** Matches of the batch, each {@code query << 40 | distance << 31 | id}: sorted, they are in output order. */
    private long[] found = new long[1024];
    private int foundCount;

    BatchSearch(int radius, HashStore.Snapshot store, Removals removals) {
        this.radius = radius;
        this.budgets = Substrings.budgets(radius);
        this.store = store;
        this.removals = removals;
    }

    /** Starts a new batch: {@code count} queries, their words four a query in {@code source}. */
    void load(long[] source, int count) {
        if (count > SIZE) {
            throw new IllegalArgumentException("a batch holds at most " + SIZE + " queries");
        }
        System.arraycopy(source, 0, words, 0, 4 * count);
        this.count = count;
        for (int q = 0; q < count; q++) {
            for (int t = 0; t < Substrings.COUNT; t++) {
                keys[t][q] = Substrings.key(words, 4 * q, t);
            }
        }
        foundCount = 0;
    }

    /** Finds the batch's matches in a segment, table by table. */
    void join(Segment segment) {
        for (int t = 0; t < Substrings.COUNT; t++) {
            if (budgets[t] >= 0) {
                table = t;
                segment.join(t, keys[t], count, budgets[t], this);
                checkCandidates();
            }
        }
    }

    /** An entry of the current table within budget of query {@code q}'s key. */
    void candidate(int q, int id) {
        if (candidateCount == candidates.length) {
            if (candidateCount < CANDIDATE_BLOCK) {
                candidates = Arrays.copyOf(candidates, Math.min(CANDIDATE_BLOCK, 2 * candidateCount));
            } else {
                checkCandidates();
            }
        }
        candidates[candidateCount++] = (long) id << 32 | q;
    }

    /**
     * Checks the candidates gathered, sorted by id first: their hashes are then read forwards through
     * memory, which even with the sort costs about half as much as reading them in random order.
     */
    private void checkCandidates() {
        if (scratch.length < candidateCount) {
            scratch = new long[candidates.length];
        }
        int idBits = 32 - Integer.numberOfLeadingZeros(store.count());
        long[] inOrder = radixSort(candidates, scratch, candidateCount, 32 + GROUP_BITS,
                32 + Math.max(idBits, GROUP_BITS + 1));
        for (int c = 0; c < candidateCount; c++) {
            long v = inOrder[c];
            int id = (int) (v >>> 32);
            int q = (int) v;
            long[] chunk = store.chunk(id);
            int at = HashStore.offset(id);
            int d = distance(q, chunk, at);
            if (d <= radius) {
                accept(q, id, d, chunk, at);
            }
        }
        candidateCount = 0;
    }

    /**
     * Sorts {@code from[0..n)} by bits {@code low} to {@code high - 1} of each value, least significant
     * digit first, each pass stable; {@code to} is scratch as long. Returns the array holding the result.
     */
    private long[] radixSort(long[] from, long[] to, int n, int low, int high) {
        int passes = (high - low + RADIX_BITS - 1) / RADIX_BITS;
        int digitBits = (high - low + passes - 1) / passes;
        int[] counts = digitCounts;
        for (int shift = low; shift < high; shift += digitBits) {
            int digitMask = (1 << Math.min(digitBits, high - shift)) - 1;
            Arrays.fill(counts, 0, digitMask + 1, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (from[i] >>> shift) & digitMask]++;
            }
            int sum = 0;
            for (int d = 0; d <= digitMask; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long v = from[i];
                to[counts[(int) (v >>> shift) & digitMask]++] = v;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /**
     * A match found through table {@link #table}. A match may be within budget in several substrings and
     * so be found through several tables; it is kept only from the first of them.
     */
    private void accept(int q, int id, int d, long[] chunk, int at) {
        if (removals.contains(id)) {
            return;
        }
        for (int t = 0; t < table; t++) {
            if (Integer.bitCount(Substrings.key(chunk, at, t) ^ keys[t][q]) <= budgets[t]) {
                return;
            }
        }
        if (foundCount == found.length) {
            found = Arrays.copyOf(found, foundCount * 2);
        }
        found[foundCount++] = (long) q << 40 | (long) d << 31 | id;
    }

    private int distance(int q, long[] chunk, int at) {
        int w = 4 * q;
        return Long.bitCount(chunk[at] ^ words[w]) + Long.bitCount(chunk[at + 1] ^ words[w + 1])
                + Long.bitCount(chunk[at + 2] ^ words[w + 2]) + Long.bitCount(chunk[at + 3] ^ words[w + 3]);
    }

    /** Checks every query against ids {@code from} to {@code to - 1} directly, a cache-sized block at a time. */
    void scan(int from, int to) {
        table = 0;
        for (int block = from; block < to; block += SCAN_BLOCK) {
            int end = Math.min(to, block + SCAN_BLOCK);
            for (int q = 0; q < count; q++) {
                for (int id = block; id < end; id++) {
                    long[] chunk = store.chunk(id);
                    int at = HashStore.offset(id);
                    int d = distance(q, chunk, at);
                    if (d <= radius) {
                        accept(q, id, d, chunk, at);
                    }
                }
            }
        }
    }

    /** Gives the sink every query's matches, nearest first, then by id; query q is {@code first + q}. */
    void emit(int first, ResultSink sink) {
        Arrays.sort(found, 0, foundCount);
        int f = 0;
        for (int q = 0; q < count; q++) {
            int end = f;
            while (end < foundCount && (int) (found[end] >>> 40) == q) {
                end++;
            }
            List<Match> matches = List.of();
            if (end > f) {
                matches = new ArrayList<>(end - f);
                for (int i = f; i < end; i++) {
                    matches.add(new Match((int) (found[i] & Integer.MAX_VALUE), (int) (found[i] >>> 31) & 0x1ff));
                }
            }
            sink.accept(first + q, matches);
            f = end;
        }
    }
}
