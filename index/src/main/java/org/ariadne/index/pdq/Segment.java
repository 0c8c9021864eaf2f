package org.ariadne.index.pdq;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A multi-index over a contiguous range of ids, immutable once built: for each of the 11 substrings, a
 * {@link KeyTable} of the range's ids by their key in it ({@link TableKeys}). At 10 million ids the
 * whole index takes about 70 bytes a hash, 32 of them the hash itself.
 */
final class Segment {

    /** At most 2^24 ids a segment, so that an id fits the 3 bytes of a table's entry. */
    static final int MAX_IDS_BITS = 8 * KeyTable.ID_BYTES;
    static final int MAX_SIZE = 1 << MAX_IDS_BITS;

    final int base;
    final int size;
    final TableKeys keys;
    private final KeyTable[] tables = new KeyTable[Substrings.COUNT];

    private Segment(int base, int size) {
        this.base = base;
        this.size = size;
        this.keys = new TableKeys(Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1)));
    }

    /** Indexes ids {@code base} to {@code base + size - 1} of the store, the tables built in parallel. */
    static Segment build(HashStore.Snapshot store, int base, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a segment holds 1 to " + MAX_SIZE + " entries, not " + size);
        }
        Segment s = new Segment(base, size);
        // each worker takes the next table to build, with scratch arrays of its own that it keeps from
        // table to table: made new for each, they were 1.3 GB of garbage at 10 million entries
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(Substrings.COUNT, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, workers).parallel().forEach(w -> {
            int[] keys = new int[size];
            long[] staged = new long[size];
            for (int t = next.getAndIncrement(); t < Substrings.COUNT; t = next.getAndIncrement()) {
                for (int i = 0; i < size; i++) {
                    int id = base + i;
                    keys[i] = s.keys.key(store.chunk(id), HashStore.offset(id), t);
                }
                s.tables[t] = KeyTable.build(keys, size, s.keys.bits[t], staged);
            }
        });
        return s;
    }

    long memoryBytes() {
        long bytes = 64 + 128;
        for (KeyTable table : tables) {
            bytes += table.memoryBytes();
        }
        return bytes;
    }

    /** Lookups handled together: enough independent memory reads in flight to hide their latency. */
    static final int BLOCK = 256;

    /**
     * Offers the query every id whose key lies within the query's budget in some table.
     *
     * <p>Each lookup lands at random in a large table: three dependent reads (the directory, the code, the
     * ids), each a cache miss. Done one after another the misses queue up; so lookups go in blocks, in
     * phases: every key's directory entry, then every key's code, then a read of every key's first id
     * (independent loads, which the processor overlaps), then the ids themselves; candidates likewise
     * are read once before they are checked.
     */
    void search(Query query) {
        for (int t = 0; t < Substrings.COUNT; t++) {
            if (query.budgets[t] < 0) {
                continue;
            }
            int[] variants = query.variants(t);
            int count = variants(variants, 0, query.keys[t] >>> keys.dropped[t], 0, keys.bits[t], query.budgets[t]);
            for (int from = 0; from < count; from += BLOCK) {
                probe(query, t, from, Math.min(count, from + BLOCK));
            }
        }
    }

    /** Writes every key that differs from {@code key} in up to {@code flips} of its bits from {@code from} to {@code bits}. */
    private static int variants(int[] into, int n, int key, int from, int bits, int flips) {
        into[n++] = key;
        if (flips > 0) {
            for (int bit = from; bit < bits; bit++) {
                n = variants(into, n, key ^ (1 << bit), bit + 1, bits, flips - 1);
            }
        }
        return n;
    }

    private void probe(Query query, int t, int from, int to) {
        int[] variants = query.variants(t);
        int[] starts = query.starts;
        int[] counts = query.counts;
        KeyTable table = tables[t];
        for (int v = from; v < to; v++) {
            starts[v - from] = table.blockFirst(variants[v]);
        }
        for (int v = from; v < to; v++) {
            long found = table.find(variants[v], starts[v - from]);
            starts[v - from] = (int) (found >>> Integer.SIZE);
            counts[v - from] = (int) found;
        }
        int touched = 0;
        for (int p = 0; p < to - from; p++) {
            if (counts[p] > 0) {
                touched += table.id(starts[p]);
            }
        }
        query.sink += touched;
        query.clearCandidates();
        for (int p = 0; p < to - from; p++) {
            for (int i = starts[p], end = i + counts[p]; i < end; i++) {
                query.candidate(base + table.id(i));
            }
        }
        query.offerCandidates(t, keys);
    }

    /** A batch joins a table one slice at a time: 2^10 slices, each small enough to stay in the cache. */
    private static final int SLICE_BITS = 10;

    /**
     * Offers the batch every id of table {@code t} whose key lies within {@code budget} bits of a query's:
     * {@code substrings[q]} is query q's substring t. Looking up one query at a time reads the table in
     * random places, each a cache miss; here the table is read slice by slice (a slice being the keys that
     * share their high bits), and each slice, once in the cache, serves every query and key variant that
     * falls in it. The queries are grouped by their key's slice; a variant that flips slice bits {@code h}
     * takes the queries of slice {@code s ^ h} into slice {@code s}.
     */
    void join(int t, int[] substrings, int count, int budget, BatchSearch batch) {
        int dropped = keys.dropped[t];
        int keyBits = keys.bits[t];
        int sliceBits = Math.min(SLICE_BITS, keyBits);
        int sliceShift = keyBits - sliceBits;
        int slices = 1 << sliceBits;

        int[] groupStart = new int[slices + 1];
        for (int q = 0; q < count; q++) {
            groupStart[(substrings[q] >>> dropped >>> sliceShift) + 1]++;
        }
        for (int g = 0; g < slices; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        int[] byGroup = new int[count];
        int[] fill = groupStart.clone();
        for (int q = 0; q < count; q++) {
            byGroup[fill[substrings[q] >>> dropped >>> sliceShift]++] = q;
        }

        // the key variants (the bits flipped), ordered by their slice bits, and the slice flips that have any
        int[] variants = new int[(int) Substrings.ballSize(keyBits, budget)];
        int variantCount = variants(variants, 0, 0, 0, keyBits, budget);
        Arrays.sort(variants, 0, variantCount);
        int[] flips = new int[variantCount];
        int[] flipStart = new int[variantCount + 1];
        int flipCount = 0;
        for (int v = 0; v < variantCount; v++) {
            int flip = variants[v] >>> sliceShift;
            if (flipCount == 0 || flips[flipCount - 1] != flip) {
                flips[flipCount] = flip;
                flipStart[flipCount++] = v;
            }
        }
        flipStart[flipCount] = variantCount;

        KeyTable table = tables[t];
        long[] out = batch.candidates;
        int n = batch.candidateCount;
        for (int slice = 0; slice < slices; slice++) {
            for (int f = 0; f < flipCount; f++) {
                int from = flipStart[f];
                int to = flipStart[f + 1];
                int group = slice ^ flips[f];
                for (int g = groupStart[group]; g < groupStart[group + 1]; g++) {
                    int query = byGroup[g];
                    int key = substrings[query] >>> dropped;
                    // the candidate's id is added above its table and query
                    long high = (long) base << 32 | t << BatchSearch.QUERY_BITS | query;
                    for (int v = from; v < to; v++) {
                        long found = table.find(key ^ variants[v]);
                        int i = (int) (found >>> Integer.SIZE);
                        int ids = (int) found;
                        if (n + Math.max(1, ids) > out.length) {
                            batch.candidateCount = n;
                            batch.reserve(Math.max(1, ids));
                            out = batch.candidates;
                            n = batch.candidateCount;
                        }
                        // most keys have no id or one: the first is written whether it exists or not, and
                        // counted if it does (a loop's exit, taken at random, cost a third of the join)
                        out[n] = high + ((long) table.id(i) << 32);
                        n += Math.min(1, ids);
                        for (int end = i + ids; ++i < end; ) {
                            out[n++] = high + ((long) table.id(i) << 32);
                        }
                    }
                }
            }
        }
        batch.candidateCount = n;
    }
}
