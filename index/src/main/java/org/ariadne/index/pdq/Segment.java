package org.ariadne.index.pdq;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A multi-index over a contiguous range of ids, immutable once built.
 *
 * <p>For each of the 11 substrings, the range's entries sorted into buckets by the substring's high
 * bits ({@link BucketBounds} says where each starts in {@code entries}). Each entry is one int: the
 * substring's remaining low bits above the entry's id within the segment. About 10 entries share a
 * bucket at 10 million, so a lookup reads one cache line; the 4-byte entries and 2^20 buckets of about
 * two bytes a table keep the whole index at 78 bytes a hash (32 of them the hash itself).
 */
final class Segment {

    /** At most 2^24 ids a segment, so that an id and the low key bits fit one int. */
    static final int MAX_IDS_BITS = 24;
    static final int MAX_SIZE = 1 << MAX_IDS_BITS;
    /** Buckets per table: 1/16 of the segment's id space, so buckets hold about 8 to 16 entries. */
    private static final int ENTRIES_PER_BUCKET_BITS = 4;

    final int base;
    final int size;
    final int idBits;
    final int idMask;
    final int[] lowBits = new int[Substrings.COUNT];
    final BucketBounds[] bounds = new BucketBounds[Substrings.COUNT];
    final int[][] entries = new int[Substrings.COUNT][];

    private Segment(int base, int size) {
        this.base = base;
        this.size = size;
        this.idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1));
        this.idMask = (1 << idBits) - 1;
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
            Scratch scratch = new Scratch(size);
            for (int t = next.getAndIncrement(); t < Substrings.COUNT; t = next.getAndIncrement()) {
                s.buildTable(store, t, scratch);
            }
        });
        return s;
    }

    /** A worker's arrays for building tables one after another: the keys, and the entries staged. */
    private static final class Scratch {
        final int[] keys;
        long[] staged;

        Scratch(int size) {
            keys = new int[size];
        }

        long[] staged(int size) {
            if (staged == null) {
                staged = new long[size];
            }
            return staged;
        }
    }

    private void buildTable(HashStore.Snapshot store, int t, Scratch scratch) {
        int bucketBits = Math.max(0, Math.min(Substrings.LENGTH[t], idBits - ENTRIES_PER_BUCKET_BITS));
        int low = Substrings.LENGTH[t] - bucketBits;
        lowBits[t] = low;
        int[] keys = scratch.keys;
        int[] starts = new int[(1 << bucketBits) + 1];
        for (int i = 0; i < size; i++) {
            int id = base + i;
            int key = Substrings.key(store.chunk(id), HashStore.offset(id), t);
            keys[i] = key;
            starts[(key >>> low) + 1]++;
        }
        for (int b = 0; b < starts.length - 1; b++) {
            starts[b + 1] += starts[b];
        }
        entries[t] = scatter(keys, starts, bucketBits, low, scratch);
        bounds[t] = BucketBounds.of(starts);
    }

    /** Partitions a table is filled by, first: 2^8, so that each partition's buckets and entries fit the cache. */
    private static final int PARTITION_BITS = 8;
    /** Tables smaller than this (512 KB) fit the cache anyway, and are filled straight. */
    private static final int STAGED_FROM = 1 << 17;

    /**
     * The table: each entry (its key's low bits above its id) in its key's bucket, ids ascending within a
     * bucket. Written straight, each entry would land at random in a table of 40 MB at 10 million: a
     * cache miss apiece. So entries are first staged by their bucket's top 8 bits (256 runs, written one
     * after another), then each partition's entries go to their buckets, which now lie close together:
     * twice the passes, half the time (1.1 s instead of 2.0 s for 11 tables of 10 million, one thread).
     */
    private int[] scatter(int[] keys, int[] starts, int bucketBits, int low, Scratch scratch) {
        int[] table = new int[size];
        int[] fill = starts.clone();
        int lowMask = (1 << low) - 1;
        int partitionBits = Math.min(PARTITION_BITS, bucketBits);
        if (partitionBits < PARTITION_BITS || size < STAGED_FROM) {
            for (int i = 0; i < size; i++) {
                int key = keys[i];
                table[fill[key >>> low]++] = ((key & lowMask) << idBits) | i;
            }
            return table;
        }
        int below = low + bucketBits - partitionBits; // key bits below a partition's number
        int[] next = new int[1 << partitionBits];
        for (int p = 0; p < next.length; p++) {
            next[p] = starts[p << (bucketBits - partitionBits)];
        }
        long[] staged = scratch.staged(size);
        for (int i = 0; i < size; i++) {
            int key = keys[i];
            staged[next[key >>> below]++] = (long) key << Integer.SIZE | i;
        }
        for (int j = 0; j < size; j++) {
            long entry = staged[j];
            int key = (int) (entry >>> Integer.SIZE);
            table[fill[key >>> low]++] = ((key & lowMask) << idBits) | (int) entry;
        }
        return table;
    }

    long memoryBytes() {
        long bytes = 64;
        for (int t = 0; t < Substrings.COUNT; t++) {
            bytes += bounds[t].memoryBytes() + 4L * entries[t].length + 16;
        }
        return bytes;
    }

    /** Probes handled together: enough independent memory reads in flight to hide their latency. */
    static final int BLOCK = 256;

    /**
     * Offers the query every entry whose substring keys lie within the query's radius split.
     *
     * <p>Each lookup lands in a random bucket of a large table, a cache miss. Done one after another the
     * misses queue up (0.7 ms a query at 10 million); so probes go in blocks, in phases: every bucket's
     * bounds, then a read of every bucket's first and last entry (independent loads, which the processor
     * overlaps), then the scans, which now hit the cache; candidates likewise are read once before they
     * are checked.
     */
    void search(Query query) {
        for (int t = 0; t < Substrings.COUNT; t++) {
            if (query.budgets[t] < 0) {
                continue;
            }
            int low = lowBits[t];
            int count = buckets(query.variants(t), 0, query.keys[t] >>> low, 0, Substrings.LENGTH[t] - low,
                    query.budgets[t]);
            for (int from = 0; from < count; from += BLOCK) {
                probe(query, t, from, Math.min(count, from + BLOCK));
            }
        }
    }

    /**
     * Writes every bucket whose number differs from {@code bucket} in up to {@code flips} bits from
     * {@code from} on, each as {@code bucket << 5 | budget}: how many of the low bits, which the bucket's
     * entries carry, may still differ. One scan of a bucket thus serves every key variant that falls in
     * it (a third fewer lookups than probing each variant).
     */
    private static int buckets(int[] into, int n, int bucket, int from, int bits, int flips) {
        into[n++] = bucket << BUDGET_BITS | flips;
        if (flips > 0) {
            for (int bit = from; bit < bits; bit++) {
                n = buckets(into, n, bucket ^ (1 << bit), bit + 1, bits, flips - 1);
            }
        }
        return n;
    }

    private static final int BUDGET_BITS = 5;
    private static final int BUDGET_MASK = (1 << BUDGET_BITS) - 1;

    private void probe(Query query, int t, int from, int to) {
        int[] probes = query.variants(t);
        int[] starts = query.starts;
        int[] ends = query.ends;
        BucketBounds bounds = this.bounds[t];
        int[] table = entries[t];
        for (int v = from; v < to; v++) {
            int bucket = probes[v] >>> BUDGET_BITS;
            starts[v - from] = bounds.start(bucket);
            ends[v - from] = bounds.start(bucket + 1);
        }
        int touched = 0;
        for (int p = 0; p < to - from; p++) {
            if (starts[p] < ends[p]) {
                touched += table[starts[p]] ^ table[ends[p] - 1];
            }
        }
        query.sink += touched;
        int wanted = query.keys[t] & ((1 << lowBits[t]) - 1);
        query.clearCandidates();
        for (int v = from; v < to; v++) {
            int budget = probes[v] & BUDGET_MASK;
            int end = ends[v - from];
            for (int i = starts[v - from]; i < end; i++) {
                int entry = table[i];
                if (Integer.bitCount((entry >>> idBits) ^ wanted) <= budget) {
                    query.candidate(base + (entry & idMask));
                }
            }
        }
        query.offerCandidates(t);
    }

    /** A batch joins a table one slice at a time: 2^10 slices, each small enough to stay in the cache. */
    private static final int SLICE_BITS = 10;

    /**
     * Offers the batch every entry of table {@code t} within {@code budget} bits of a query's key:
     * {@code keys[q]} is query q's key. Probing one query at a time reads the table in random places,
     * each a cache miss; here the table is read slice by slice (a slice being the buckets that share
     * their high bits), and each slice, once in the cache, serves every query and key variant that falls
     * in it. The queries are grouped by their buckets' slice; a variant that flips slice bits {@code h}
     * takes the queries of slice {@code s ^ h} into slice {@code s}.
     */
    void join(int t, int[] keys, int count, int budget, BatchSearch batch) {
        int low = lowBits[t];
        int lowMask = (1 << low) - 1;
        int bucketBits = Substrings.LENGTH[t] - low;
        int sliceBits = Math.min(SLICE_BITS, bucketBits);
        int sliceShift = bucketBits - sliceBits;
        int slices = 1 << sliceBits;

        int[] groupStart = new int[slices + 1];
        for (int q = 0; q < count; q++) {
            groupStart[(keys[q] >>> low >>> sliceShift) + 1]++;
        }
        for (int g = 0; g < slices; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        int[] byGroup = new int[count];
        int[] fill = groupStart.clone();
        for (int q = 0; q < count; q++) {
            byGroup[fill[keys[q] >>> low >>> sliceShift]++] = q;
        }

        // bucket variants (bucket bits flipped << 5 | bits left for the low part), ordered by their slice bits
        int[] variants = new int[(int) Substrings.ballSize(bucketBits, budget)];
        int variantCount = buckets(variants, 0, 0, 0, bucketBits, budget);
        Arrays.sort(variants, 0, variantCount);
        int[] flipStart = new int[slices + 1];
        for (int v = 0; v < variantCount; v++) {
            flipStart[(variants[v] >>> BUDGET_BITS >>> sliceShift) + 1]++;
        }
        for (int h = 0; h < slices; h++) {
            flipStart[h + 1] += flipStart[h];
        }

        BucketBounds bounds = this.bounds[t];
        int[] table = entries[t];
        long[] out = batch.candidates;
        int n = batch.candidateCount;
        for (int slice = 0; slice < slices; slice++) {
            for (int flip = 0; flip < slices; flip++) {
                int from = flipStart[flip];
                int to = flipStart[flip + 1];
                if (from == to) {
                    continue;
                }
                int group = slice ^ flip;
                for (int g = groupStart[group]; g < groupStart[group + 1]; g++) {
                    int query = byGroup[g];
                    int key = keys[query];
                    int bucket = key >>> low;
                    int wanted = key & lowMask;
                    for (int v = from; v < to; v++) {
                        int b = bucket ^ variants[v] >>> BUDGET_BITS;
                        int lowBudget = variants[v] & BUDGET_MASK;
                        int i = bounds.start(b);
                        int end = bounds.start(b + 1);
                        if (n + end - i > out.length) {
                            batch.candidateCount = n;
                            batch.reserve(end - i);
                            out = batch.candidates;
                            n = batch.candidateCount;
                        }
                        long high = (long) base << 32 | query; // the candidate's id is added above the query
                        for (; i < end; i++) {
                            int entry = table[i];
                            if (Integer.bitCount(entry >>> idBits ^ wanted) <= lowBudget) {
                                out[n++] = high + ((long) (entry & idMask) << 32);
                            }
                        }
                    }
                }
            }
        }
        batch.candidateCount = n;
    }
}
