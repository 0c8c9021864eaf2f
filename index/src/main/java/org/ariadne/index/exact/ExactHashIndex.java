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
        for (int id = s.sorted(); id < store.count(); id++) {
            if (store.compare(id, key) == 0) {
                if (count == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], count * 2);
                }
                found[0][count++] = id;
            }
        }
        List<Match> matches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!removals.contains(found[0][i])) {
                matches.add(new Match(found[0][i], 0));
            }
        }
        matches.sort(null);
        return matches;
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
