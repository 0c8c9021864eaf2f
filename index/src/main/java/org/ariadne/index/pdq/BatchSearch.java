package org.ariadne.index.pdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ariadne.hashing.pdq.PdqHash;
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

    /** Bits of a query's number in a candidate (see {@link #candidates}). */
    static final int QUERY_BITS = 15;
    /** Queries a batch: enough that reading every table once costs little a query. */
    static final int SIZE = 1 << QUERY_BITS;
    /** At most this many candidates (8 bytes each) are gathered before they are checked. */
    private static final int CANDIDATE_BLOCK = 1 << 23;
    /** Digits of the sort that orders candidates by id. */
    private static final int RADIX_BITS = 12;
    /** References a query is checked against at a time when a batch checks entries one by one. */
    private static final int SCAN_BLOCK = 1024;

    /** What the search in progress searches ({@link #start}). */
    private HashStore.Snapshot store;
    private Removals removals;
    private int radius;
    int[] budgets;

    private final long[] words = new long[4 * SIZE];
    /** The queries' keys, by substring: {@code keys[t][q]}. */
    private final int[][] keys = new int[Substrings.COUNT][SIZE];
    private int count;

    /**
     * Candidates, each {@code id << 32 | table << QUERY_BITS | query}, written by {@link Segment#join},
     * and scratch to sort them.
     */
    long[] candidates = new long[4096];
    int candidateCount;
    private long[] scratch = new long[0];
    private final int[] digitCounts = new int[1 << RADIX_BITS];
    /** A candidate's words XORed with its query's. */
    private final long[] xor = new long[4];
    /** How the segment the candidates came from keys its tables. */
    private TableKeys tableKeys;
    /** Matches of the batch, each {@code query << 40 | distance << 31 | id}, in the order found. */
    private long[] found = new long[1024];
    private int foundCount;
    /** The matches grouped by query, for {@link #emit}: query q's from {@code queryStarts[q]}. */
    private long[] byQuery = new long[0];
    private final int[] queryStarts = new int[SIZE + 1];
    private final int[] queryFill = new int[SIZE];

    /**
     * Starts a search of one call to {@link PdqIndex#searchAll}. The arrays stay from search to search
     * (see {@link PdqIndex}): against 10 million references they grow to some 200 MB, and allocating them
     * anew each call cost more in page faults and collections than the search of a small batch itself.
     */
    void start(int radius, HashStore.Snapshot store, Removals removals) {
        this.radius = radius;
        this.budgets = Substrings.budgets(radius);
        this.store = store;
        this.removals = removals;
        candidateCount = 0; // whatever a search that broke off left behind (load clears the matches)
    }

    /** Forgets the search's store and removals, so that a kept batch holds only its arrays. */
    void finish() {
        store = null;
        removals = null;
    }

    /** Starts a new batch: queries {@code first} to {@code first + count - 1} of {@code queries}. */
    void load(List<? extends PdqHash> queries, int first, int count) {
        if (count > SIZE) {
            throw new IllegalArgumentException("a batch holds at most " + SIZE + " queries");
        }
        for (int q = 0; q < count; q++) {
            PdqHash query = Objects.requireNonNull(queries.get(first + q), "query");
            words[4 * q] = query.w0();
            words[4 * q + 1] = query.w1();
            words[4 * q + 2] = query.w2();
            words[4 * q + 3] = query.w3();
        }
        this.count = count;
        for (int q = 0; q < count; q++) {
            for (int t = 0; t < Substrings.COUNT; t++) {
                keys[t][q] = Substrings.key(words, 4 * q, t);
            }
        }
        foundCount = 0;
    }

    /**
     * Finds the batch's matches in a segment: the candidates of all its tables are checked together,
     * unless they fill a block first. A small batch (a few thousand queries, as triage gives) finds some
     * hundred thousand candidates a table among ten million hashes, too few to read the hashes forwards;
     * gathered over the eleven tables they are dense enough. (One thread, 10 million uniform references
     * and queries, r = 31, table by table against together: 228-235 against 137-139 us a query in
     * batches of 2,640, 175-180 against 108-110 in batches of 5,280, 81-88 against 76-77 in full ones.)
     */
    void join(Segment segment) {
        tableKeys = segment.keys;
        for (int t = 0; t < Substrings.COUNT; t++) {
            if (budgets[t] >= 0) {
                segment.join(t, keys[t], count, budgets[t], this);
            }
        }
        checkCandidates();
    }

    /**
     * Makes room for {@code more} candidates, checking those gathered if the block is full; the join
     * writes into {@link #candidates} from {@link #candidateCount} on.
     */
    void reserve(int more) {
        if (candidateCount + more <= candidates.length) {
            return;
        }
        if (candidateCount + more <= CANDIDATE_BLOCK) {
            candidates = Arrays.copyOf(candidates, Math.min(CANDIDATE_BLOCK,
                    Math.max(2 * candidates.length, candidateCount + more)));
            return;
        }
        checkCandidates();
        if (more > candidates.length) { // one key with more ids than a block: hashes all alike
            candidates = new long[more];
        }
    }

    /**
     * Checks the candidates gathered, sorted by id first: their hashes are then read forwards through
     * memory, which even with the sort's two passes costs less than reading them in the order found.
     * (Measured: grouping them by the high bits of the id alone, so that each group's hashes fit the
     * cache, in one pass, took a quarter longer a query than the full order.)
     */
    private void checkCandidates() {
        if (scratch.length < candidateCount) {
            scratch = new long[candidates.length];
        }
        int idBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, store.count() - 1));
        long[] inOrder = radixSort(candidates, scratch, candidateCount, 32, 32 + idBits);
        long[] x = xor;
        for (int c = 0; c < candidateCount; c++) {
            long v = inOrder[c];
            int id = (int) (v >>> 32);
            int q = (int) v & (SIZE - 1);
            int table = (int) v >>> QUERY_BITS;
            long[] chunk = store.chunk(id);
            int at = HashStore.offset(id);
            int w = 4 * q;
            x[0] = chunk[at] ^ words[w];
            x[1] = chunk[at + 1] ^ words[w + 1];
            x[2] = chunk[at + 2] ^ words[w + 2];
            x[3] = chunk[at + 3] ^ words[w + 3];
            int d = Long.bitCount(x[0]) + Long.bitCount(x[1]) + Long.bitCount(x[2]) + Long.bitCount(x[3]);
            if (d <= radius && !tableKeys.foundBefore(x, table, budgets)) {
                accept(q, id, d);
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

    /** A match of query {@code q}, kept unless removed; each match arrives once (see {@link TableKeys#foundBefore}). */
    private void accept(int q, int id, int d) {
        if (removals.contains(id)) {
            return;
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
        for (int block = from; block < to; block += SCAN_BLOCK) {
            int end = Math.min(to, block + SCAN_BLOCK);
            for (int q = 0; q < count; q++) {
                for (int id = block; id < end; id++) {
                    long[] chunk = store.chunk(id);
                    int at = HashStore.offset(id);
                    int d = distance(q, chunk, at);
                    if (d <= radius) {
                        accept(q, id, d);
                    }
                }
            }
        }
    }

    /** Gives the sink every query's matches, nearest first, then by id; query q is {@code first + q}. */
    void emit(int first, ResultSink sink) {
        int[] starts = queryStarts;
        Arrays.fill(starts, 0, count + 1, 0);
        for (int i = 0; i < foundCount; i++) {
            starts[(int) (found[i] >>> 40) + 1]++;
        }
        for (int q = 0; q < count; q++) {
            starts[q + 1] += starts[q];
        }
        if (byQuery.length < foundCount) {
            byQuery = new long[found.length];
        }
        int[] fill = queryFill;
        System.arraycopy(starts, 0, fill, 0, count);
        for (int i = 0; i < foundCount; i++) {
            long match = found[i];
            byQuery[fill[(int) (match >>> 40)]++] = match;
        }
        for (int q = 0; q < count; q++) {
            int from = starts[q];
            int to = starts[q + 1];
            List<Match> matches = List.of();
            if (to > from) {
                Arrays.sort(byQuery, from, to); // by distance, then id: the query's bits above are all equal
                matches = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    matches.add(new Match((int) (byQuery[i] & Integer.MAX_VALUE), (int) (byQuery[i] >>> 31) & 0x1ff));
                }
            }
            sink.accept(first + q, matches);
        }
    }
}
