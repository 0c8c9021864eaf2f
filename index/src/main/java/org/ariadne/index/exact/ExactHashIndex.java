package org.ariadne.index.exact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.index.AppendOnlyIndex;
import org.ariadne.index.IndexFile;
import org.ariadne.index.Match;
import org.ariadne.index.Removals;
import org.ariadne.index.TieredMerge;

/**
 * Exact lookup of MD5, SHA-1 or SHA-256 values, compactly: the keys' bytes once, plus one int an entry
 * for their sorted order (1.13x to 1.25x the raw bytes, measured in bench/RESULTS.md).
 *
 * <p>Sorted runs of ids, as in a log-structured merge: recent additions are checked one by one until
 * there are {@value #TAIL_LIMIT}, then sorted into a run; small runs are merged with their neighbour, so
 * adding never re-sorts a large set. Removing only marks. Searches read an immutable {@link State}
 * published through a volatile field, safe while one thread adds or removes.
 *
 * <p>Distances follow the signal type: 0 for the same value, 1 for any other, so a search at radius 0
 * finds the entries with the query's value, and at radius 1 or more every entry.
 */
public final class ExactHashIndex extends AppendOnlyIndex<CryptoHash> {

    static final int TAIL_LIMIT = 1024;
    /** Runs made by merging stay below this size (a bulk {@link #addAll} makes larger ones). */
    static final int MERGE_LIMIT = 1 << 22;

    private record State(Run[] runs, int sorted, KeyStore.Snapshot store) {
    }

    private final CryptoAlgorithm algorithm;
    private final KeyStore store;
    private volatile State state;

    public ExactHashIndex(CryptoAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.store = new KeyStore(algorithm.bytes());
        this.state = new State(new Run[0], 0, store.snapshot());
    }

    @Override
    public String signalName() {
        return algorithm.signalName();
    }

    @Override
    protected int store(CryptoHash value) {
        return store.append(bytesOf(value));
    }

    @Override
    protected int stored() {
        return store.count();
    }

    @Override
    protected void check(CryptoHash value) {
        Objects.requireNonNull(value, "value");
        if (value.algorithm() != algorithm) {
            throw new IllegalArgumentException("a " + algorithm.signalName() + " index cannot hold " + value);
        }
    }

    private byte[] bytesOf(CryptoHash value) {
        check(value);
        return value.bytes();
    }

    @Override
    public CryptoHash get(int id) {
        KeyStore.Snapshot s = state.store();
        if (!isLive(id, s.count())) {
            return null;
        }
        return CryptoHash.of(algorithm, s.key(id));
    }

    @Override
    public List<Match> search(CryptoHash query, int maxDistance) {
        State s = state;
        KeyStore.Snapshot store = s.store();
        if (maxDistance < 0) {
            return List.of();
        }
        byte[] key = bytesOf(query);
        if (maxDistance >= 1) { // every entry is within 1
            return everything(store, removals, key);
        }
        int[][] found = {new int[4]};
        int count = 0;
        for (Run run : s.runs()) {
            count = run.find(key, store, found, count);
        }
        count = findInTail(s, key, found, count);
        List<Match> matches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!removals.contains(found[0][i])) {
                matches.add(new Match(found[0][i], 0));
            }
        }
        matches.sort(null);
        return matches;
    }

    /** Adds the ids of the tail (added, not yet in a run) whose key is {@code key}; returns the new count. */
    private static int findInTail(State s, byte[] key, int[][] found, int count) {
        KeyStore.Snapshot store = s.store();
        for (int id = s.sorted(); id < store.count(); id++) {
            if (store.compare(id, key) == 0) {
                count = Run.add(found, count, id);
            }
        }
        return count;
    }

    /** Receives a group of live entries that share a key: their ids, ascending, in {@code ids[0..count)}. */
    @FunctionalInterface
    public interface DuplicateSink {
        void group(int[] ids, int count);
    }

    /**
     * A run this many times larger than the new entries is searched for each of them (a binary search,
     * a few cache misses each) rather than walked whole (a cache miss an entry).
     */
    private static final int LOOKUP_VS_WALK = 32;

    /**
     * Every group of two or more live entries with one key that holds an id of at least {@code from}
     * (the entries of a bulk addition, say), each once, ids ascending; groups in no particular order.
     * Equal keys within a run come from the ties its sort noted; across runs, a walk of both (or a lookup
     * of each new key in a much larger run); so finding the duplicates of millions of new entries costs
     * about one pass over them, not a search each.
     */
    public void duplicates(int from, DuplicateSink sink) {
        State s = state;
        KeyStore.Snapshot store = s.store();
        if (from >= store.count()) {
            return;
        }
        int[][] candidates = {new int[16]};
        int count = 0;
        Run[] runs = s.runs();
        for (Run run : runs) {
            if (run.maxId >= from) {
                count = equalNeighbours(run, store, candidates, count);
            }
        }
        for (int a = 0; a < runs.length; a++) {
            for (int b = a + 1; b < runs.length; b++) {
                if (runs[a].maxId >= from || runs[b].maxId >= from) {
                    count = equalAcross(runs[a], runs[b], store, candidates, count);
                }
            }
        }
        int[][] found = {new int[4]};
        for (int id = s.sorted(); id < store.count(); id++) {
            byte[] key = store.key(id);
            int n = 0;
            for (Run run : runs) {
                n = run.find(key, store, found, n);
            }
            n = findInTail(s, key, found, n);
            if (n > 1) {
                for (int i = 0; i < n; i++) {
                    count = Run.add(candidates, count, found[0][i]);
                }
            }
        }
        emitGroups(Arrays.copyOf(candidates[0], count), from, store, sink);
    }

    /** Adds the ids of a run that have the same key as their neighbour in it. */
    private static int equalNeighbours(Run run, KeyStore.Snapshot store, int[][] into, int count) {
        int[] ids = run.ids;
        if (run.ties != null) {
            for (int p : run.ties) {
                if (store.compare(ids[p - 1], ids[p]) == 0) {
                    count = Run.add(into, Run.add(into, count, ids[p - 1]), ids[p]);
                }
            }
            return count;
        }
        for (int p = 1; p < ids.length; p++) {
            if (store.prefix(ids[p - 1]) == store.prefix(ids[p]) && store.compare(ids[p - 1], ids[p]) == 0) {
                count = Run.add(into, Run.add(into, count, ids[p - 1]), ids[p]);
            }
        }
        return count;
    }

    /** Adds the ids of two runs that have a key found in both. */
    private static int equalAcross(Run a, Run b, KeyStore.Snapshot store, int[][] into, int count) {
        Run small = a.size() <= b.size() ? a : b;
        Run large = small == a ? b : a;
        if ((long) small.size() * LOOKUP_VS_WALK < large.size()) {
            int[][] found = {new int[4]};
            for (int id : small.ids) {
                int n = large.find(store.key(id), store, found, 0);
                if (n > 0) {
                    count = Run.add(into, count, id);
                    for (int i = 0; i < n; i++) {
                        count = Run.add(into, count, found[0][i]);
                    }
                }
            }
            return count;
        }
        int i = 0;
        int j = 0;
        while (i < a.ids.length && j < b.ids.length) {
            int order = store.compare(a.ids[i], b.ids[j]);
            if (order == 0) { // every id with this key on both sides: a side's own repeats may be old news to it
                int key = a.ids[i];
                for (; i < a.ids.length && store.compare(a.ids[i], key) == 0; i++) {
                    count = Run.add(into, count, a.ids[i]);
                }
                for (; j < b.ids.length && store.compare(b.ids[j], key) == 0; j++) {
                    count = Run.add(into, count, b.ids[j]);
                }
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }

    /** Sorts the candidates by key and hands on each group of live, distinct ids that reaches {@code from}. */
    private void emitGroups(int[] candidates, int from, KeyStore.Snapshot store, DuplicateSink sink) {
        Arrays.sort(candidates);
        Run.sortByKey(store, candidates);
        int[] group = new int[4];
        int start = 0;
        while (start < candidates.length) {
            int end = start + 1;
            while (end < candidates.length && store.compare(candidates[start], candidates[end]) == 0) {
                end++;
            }
            int n = 0;
            for (int i = start; i < end; i++) {
                int id = candidates[i];
                if ((n == 0 || group[n - 1] != id) && !removals.contains(id)) {
                    if (n == group.length) {
                        group = Arrays.copyOf(group, n * 2);
                    }
                    group[n++] = id;
                }
            }
            if (n > 1 && group[n - 1] >= from) {
                sink.group(group, n);
            }
            start = end;
        }
    }

    private static List<Match> everything(KeyStore.Snapshot store, Removals removals, byte[] key) {
        List<Match> matches = new ArrayList<>();
        for (int id = 0; id < store.count(); id++) {
            if (!removals.contains(id)) {
                matches.add(new Match(id, store.compare(id, key) == 0 ? 0 : 1));
            }
        }
        matches.sort(null);
        return matches;
    }

    @Override
    public long memoryBytes() {
        long bytes = store.memoryBytes() + removals.memoryBytes() + 64;
        for (Run run : state.runs()) {
            bytes += run.memoryBytes();
        }
        return bytes;
    }

    @Override
    protected void publish() {
        State s = state;
        int count = store.count();
        Run[] runs = s.runs();
        int sorted = s.sorted();
        if (count - sorted >= TAIL_LIMIT) {
            KeyStore.Snapshot snapshot = store.snapshot();
            List<Run> list = new ArrayList<>(Arrays.asList(runs));
            list.add(Run.sorted(snapshot, sorted, count));
            TieredMerge.mergeTail(list, Run::size, (before, last) -> Run.merged(before, last, snapshot), MERGE_LIMIT);
            runs = list.toArray(Run[]::new);
            sorted = count;
        }
        state = new State(runs, sorted, store.snapshot());
    }

    // ---- file: each entry is the key's bytes ----

    @Override
    protected int entryBytes() {
        return store.width;
    }

    @Override
    protected void putEntries(ByteBuffer data, int count) {
        KeyStore.Snapshot s = store.snapshot();
        for (int base = 0; base < count; base += KeyStore.CHUNK) {
            data.put(s.chunks()[base >>> KeyStore.CHUNK_BITS], 0, Math.min(KeyStore.CHUNK, count - base) * store.width);
        }
    }

    /** Starts a bulk addition of raw keys (see {@link AppendOnlyIndex.BulkAddition}). */
    public Bulk bulk() {
        return new Bulk();
    }

    /** Adds keys as bytes, published together on {@link #close}. */
    public final class Bulk extends BulkAddition {

        private Bulk() {
        }

        /** Adds the key in {@code key[offset..offset + algorithm bytes)} and returns its id. */
        public int add(byte[] key, int offset) {
            checkOpen();
            Objects.checkFromIndexSize(offset, algorithm.bytes(), key.length);
            return store.append(key, offset);
        }

        /** Adds {@code count} keys that lie one after another in {@code keys} from {@code offset}; returns the first's id. */
        public int add(byte[] keys, int offset, int count) {
            checkOpen();
            Objects.checkFromIndexSize(offset, (long) count * algorithm.bytes() > Integer.MAX_VALUE ? -1
                    : count * algorithm.bytes(), keys.length);
            return store.appendAll(keys, offset, count);
        }
    }

    /** Loads an index written by {@link #write}. */
    public static ExactHashIndex read(Path file, CryptoAlgorithm algorithm) throws IOException {
        ByteBuffer data = IndexFile.read(file, algorithm.signalName());
        int count = entryCount(data, algorithm.bytes(), file);
        ExactHashIndex index = new ExactHashIndex(algorithm);
        byte[] key = new byte[algorithm.bytes()];
        for (int i = 0; i < count; i++) {
            data.get(key);
            index.store.append(key);
        }
        index.loaded(data, count, file);
        return index;
    }
}
