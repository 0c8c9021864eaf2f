package org.ariadne.index.pdq;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.index.AppendOnlyIndex;
import org.ariadne.index.IndexFile;
import org.ariadne.index.Match;
import org.ariadne.index.TieredMerge;

/**
 * Exact Hamming-radius search over PDQ hashes: multi-index hashing over 11 substrings (see
 * {@link Substrings}), with results identical to comparing the query with every entry.
 *
 * <p>Entries live in segments, each a {@link Segment} over a range of ids, plus a short tail of recent
 * additions that searches check one by one. When the tail reaches {@value #TAIL_LIMIT} entries it becomes
 * a segment, and small neighbouring segments are merged, so adding never rebuilds the whole index.
 * Removing only marks the entry. Searches read an immutable {@link State}, published by the writer
 * through a volatile field: any number of threads search while one adds or removes.
 */
public final class PdqIndex extends AppendOnlyIndex<PdqHash> {

    public static final String SIGNAL = "pdq";
    /** Up to this many recent entries are checked one by one (a few microseconds) before they get tables. */
    static final int TAIL_LIMIT = 32_768;
    /** A search probes a segment's tables when that is cheaper than checking its entries one by one. */
    private static final int PROBE_COST_IN_CHECKS = 16;
    /** Segments built by merging stay below this size (a bulk {@link #addAll} makes larger ones). */
    static final int MERGE_LIMIT = 1 << 22;
    private static final int FORMAT_ENTRY_BYTES = 4 * Long.BYTES;

    /** What searches see: the segments, the ids they cover (all below {@code indexed}), and the store. */
    private record State(Segment[] segments, int indexed, HashStore.Snapshot store) {
    }

    private final HashStore store = new HashStore();
    /**
     * Batches of finished {@link #searchAll} calls, kept for the next: as many as searched at once, held
     * softly (a few hundred megabytes at 10 million entries), so that memory short elsewhere frees them.
     */
    private final Queue<SoftReference<BatchSearch>> idle = new ConcurrentLinkedQueue<>();
    private volatile State state = new State(new Segment[0], 0, store.snapshot());
    /** Tests set this to exercise the tables at every radius, even where checking entries is cheaper. */
    boolean alwaysProbe;

    @Override
    public String signalName() {
        return SIGNAL;
    }

    @Override
    protected int store(PdqHash value) {
        return store.append(value.w0(), value.w1(), value.w2(), value.w3());
    }

    @Override
    protected int stored() {
        return store.count();
    }

    @Override
    public PdqHash get(int id) {
        HashStore.Snapshot s = state.store();
        if (!isLive(id, s.count())) {
            return null;
        }
        long[] chunk = s.chunk(id);
        int at = HashStore.offset(id);
        return new PdqHash(chunk[at], chunk[at + 1], chunk[at + 2], chunk[at + 3]);
    }

    @Override
    public List<Match> search(PdqHash query, int maxDistance) {
        Objects.requireNonNull(query, "query");
        if (maxDistance < 0) {
            return List.of();
        }
        State s = state;
        Query q = new Query(new long[] {query.w0(), query.w1(), query.w2(), query.w3()},
                Math.min(maxDistance, PdqHash.BITS), s.store(), removals);
        long probes = Substrings.lookups(q.budgets);
        for (Segment segment : s.segments()) {
            if (alwaysProbe || probes * PROBE_COST_IN_CHECKS < segment.size) {
                segment.search(q);
            } else {
                q.scan(segment.base, segment.base + segment.size);
            }
        }
        q.scan(s.indexed(), s.store().count());
        return q.results();
    }

    /**
     * Searches the queries in batches of {@value BatchSearch#SIZE} (see {@link BatchSearch}): the same
     * results as {@link #search}, several times faster over a large index.
     */
    @Override
    public void searchAll(List<? extends PdqHash> queries, int maxDistance, ResultSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (maxDistance < 0) {
            for (int q = 0; q < queries.size(); q++) {
                Objects.requireNonNull(queries.get(q), "query");
                sink.accept(q, List.of());
            }
            return;
        }
        State s = state;
        BatchSearch batch = idleBatch();
        batch.start(Math.min(maxDistance, PdqHash.BITS), s.store(), removals);
        try {
            search(queries, s, batch, sink);
        } finally {
            batch.finish();
            idle.offer(new SoftReference<>(batch));
        }
    }

    /** A batch left by an earlier search, its arrays already grown, or a new one. */
    private BatchSearch idleBatch() {
        for (SoftReference<BatchSearch> kept = idle.poll(); kept != null; kept = idle.poll()) {
            BatchSearch batch = kept.get();
            if (batch != null) {
                return batch;
            }
        }
        return new BatchSearch();
    }

    private void search(List<? extends PdqHash> queries, State s, BatchSearch batch, ResultSink sink) {
        for (int first = 0; first < queries.size(); first += BatchSearch.SIZE) {
            int count = Math.min(BatchSearch.SIZE, queries.size() - first);
            batch.load(queries, first, count);
            for (Segment segment : s.segments()) {
                if (alwaysProbe || Substrings.lookups(batch.budgets) * PROBE_COST_IN_CHECKS < segment.size) {
                    batch.join(segment);
                } else {
                    batch.scan(segment.base, segment.base + segment.size);
                }
            }
            batch.scan(s.indexed(), s.store().count());
            batch.emit(first, sink);
        }
    }

    @Override
    public long memoryBytes() {
        long bytes = store.memoryBytes() + removals.memoryBytes() + 64;
        for (Segment segment : state.segments()) {
            bytes += segment.memoryBytes();
        }
        return bytes;
    }

    /** Number of segments with tables (for tests and diagnostics). */
    int segmentCount() {
        return state.segments().length;
    }

    /** Publishes the store's new entries: tables for the tail once it is long enough, merging small segments. */
    @Override
    protected void publish() {
        State s = state;
        int count = store.count();
        Segment[] segments = s.segments();
        int indexed = s.indexed();
        if (count - indexed >= TAIL_LIMIT) {
            HashStore.Snapshot snapshot = store.snapshot();
            List<Segment> list = new ArrayList<>(Arrays.asList(segments));
            for (int base = indexed; base < count; base += Segment.MAX_SIZE) {
                list.add(Segment.build(snapshot, base, Math.min(Segment.MAX_SIZE, count - base)));
            }
            TieredMerge.mergeTail(list, segment -> segment.size,
                    (before, last) -> Segment.build(snapshot, before.base, before.size + last.size), MERGE_LIMIT);
            segments = list.toArray(Segment[]::new);
            indexed = count;
        }
        state = new State(segments, indexed, store.snapshot());
    }

    // ---- file: each entry is the hash's four words, w0 first (tables are rebuilt on loading, which takes
    // less time than reading them would) ----

    @Override
    protected int entryBytes() {
        return FORMAT_ENTRY_BYTES;
    }

    @Override
    protected void putEntries(ByteBuffer data, int count) {
        HashStore.Snapshot s = store.snapshot();
        LongBuffer words = data.asLongBuffer();
        for (int base = 0; base < count; base += HashStore.CHUNK) {
            words.put(s.chunk(base), 0, Math.min(HashStore.CHUNK, count - base) * 4);
        }
    }

    /** Starts a bulk addition of hashes as words (see {@link AppendOnlyIndex.BulkAddition}). */
    public Bulk bulk() {
        return new Bulk();
    }

    /** Adds hashes as their four words, published (tables built) together on {@link #close}. */
    public final class Bulk extends BulkAddition {

        private Bulk() {
        }

        /** Adds the hash {@code new PdqHash(w0, w1, w2, w3)} would be, and returns its id. */
        public int add(long w0, long w1, long w2, long w3) {
            checkOpen();
            return store.append(w0, w1, w2, w3);
        }

        /** Adds {@code count} hashes whose four words each lie one after another in {@code words} from {@code offset}. */
        public int add(long[] words, int offset, int count) {
            checkOpen();
            Objects.checkFromIndexSize(offset, 4L * count > Integer.MAX_VALUE ? -1 : 4 * count, words.length);
            return store.appendAll(words, offset, count);
        }
    }

    /** Loads an index written by {@link #write}. */
    public static PdqIndex read(Path file) throws IOException {
        ByteBuffer data = IndexFile.read(file, SIGNAL);
        int count = entryCount(data, FORMAT_ENTRY_BYTES, file);
        PdqIndex index = new PdqIndex();
        LongBuffer words = data.asLongBuffer();
        for (int id = 0; id < count; id++) {
            index.store.append(words.get(), words.get(), words.get(), words.get());
        }
        index.loaded(data, count, file);
        return index;
    }
}
