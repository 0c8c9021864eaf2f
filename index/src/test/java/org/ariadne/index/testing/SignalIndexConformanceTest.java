package org.ariadne.index.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.ariadne.hashing.SignalType;
import org.ariadne.index.IndexFileException;
import org.ariadne.index.Match;
import org.ariadne.index.SignalIndex;
import org.ariadne.index.SignalIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SignalIndex} must do, checked against brute force: the signal type's own
 * {@code distance} over every live entry. Subclass it with five methods for a new index.
 *
 * @param <V> the signal's value type
 */
public abstract class SignalIndexConformanceTest<V> {

    /** The signal type whose {@code distance} is the reference. */
    protected abstract SignalType<V> type();

    /** A random value. */
    protected abstract V random(Random random);

    /** A value at exactly {@code distance} from {@code value} (for exact hashes: the value itself, at 0). */
    protected abstract V near(V value, int distance, Random random);

    /** The radii the index must answer exactly, in increasing order. */
    protected abstract int[] radii();

    /** Entries to fill an index with: enough that its fast structures, not only a scan, are exercised. */
    protected int bulkSize() {
        return 50_000;
    }

    @TempDir
    Path folder;

    /** The index under test, as the provider registered for the signal makes it. */
    @SuppressWarnings("unchecked")
    protected SignalIndex<V> newIndex() {
        return (SignalIndex<V>) SignalIndexes.forSignal(type().name()).create();
    }

    @SuppressWarnings("unchecked")
    protected SignalIndex<V> read(Path file) throws IOException {
        return (SignalIndex<V>) SignalIndexes.forSignal(type().name()).read(file);
    }

    /** The reference answer: every live entry within the radius, nearest first, then by id. */
    protected List<Match> bruteForce(List<V> values, BitSet removed, V query, int radius) {
        List<Match> matches = new ArrayList<>();
        for (int id = 0; id < values.size(); id++) {
            int d = type().distance(values.get(id), query);
            if (d <= radius && !removed.get(id)) {
                matches.add(new Match(id, d));
            }
        }
        matches.sort(null);
        return matches;
    }

    /** Queries: half random, half planted near entries at distances from 0 to past the largest radius. */
    protected List<V> queries(List<V> values, int count, Random random) {
        int farthest = radii()[radii().length - 1] + 10;
        List<V> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(i % 2 == 0 ? random(random)
                    : near(values.get(random.nextInt(values.size())), random.nextInt(farthest + 1), random));
        }
        return queries;
    }

    /** Values in clusters: {@code centres} random centres, each with members at distances 0 to 40. */
    protected List<V> clustered(int centres, int members, Random random) {
        List<V> values = new ArrayList<>();
        for (int c = 0; c < centres; c++) {
            V centre = random(random);
            values.add(centre);
            for (int m = 1; m < members; m++) {
                values.add(near(centre, random.nextInt(41), random));
            }
        }
        return values;
    }

    /** Every query at every radius, one by one and as a batch ({@link SignalIndex#searchAll}). */
    protected void assertSameAsBruteForce(SignalIndex<V> index, List<V> values, BitSet removed, List<V> queries) {
        for (int radius : radii()) {
            List<List<Match>> expected = new ArrayList<>();
            for (V query : queries) {
                expected.add(bruteForce(values, removed, query, radius));
                assertThat(index.search(query, radius))
                        .as("radius %d, query %s", radius, type().format(query))
                        .isEqualTo(expected.getLast());
            }
            assertThat(searchAll(index, queries, radius)).as("radius %d, all queries at once", radius)
                    .isEqualTo(expected);
        }
    }

    /** The batch results, checking that each query is answered once, in order. */
    protected List<List<Match>> searchAll(SignalIndex<V> index, List<V> queries, int radius) {
        List<List<Match>> results = new ArrayList<>();
        index.searchAll(queries, radius, (query, matches) -> {
            assertThat(query).as("query answered in order").isEqualTo(results.size());
            results.add(matches);
        });
        return results;
    }

    @Test
    void findsExactlyWhatBruteForceFindsInUniformData() {
        Random random = new Random(101);
        List<V> values = new ArrayList<>();
        for (int i = 0; i < bulkSize(); i++) {
            values.add(random(random));
        }
        SignalIndex<V> index = newIndex();
        assertThat(index.addAll(values)).isZero();

        assertSameAsBruteForce(index, values, new BitSet(), queries(values, 200, random));
    }

    @Test
    void findsExactlyWhatBruteForceFindsInClusters() {
        Random random = new Random(102);
        List<V> values = clustered(bulkSize() / 25, 25, random);
        SignalIndex<V> index = newIndex();
        index.addAll(values);

        assertSameAsBruteForce(index, values, new BitSet(), queries(values, 200, random));
    }

    @Test
    void entriesAddedOneByOneAreFoundWhetherTheyHaveTablesYetOrNot() {
        Random random = new Random(103);
        List<V> values = clustered(bulkSize() / 10, 10, random);
        SignalIndex<V> index = newIndex();
        for (int i = 0; i < values.size(); i++) {
            assertThat(index.add(values.get(i))).isEqualTo(i);
        }
        assertThat(index.size()).isEqualTo(values.size());
        assertThat(index.get(7)).isEqualTo(values.get(7));

        assertSameAsBruteForce(index, values, new BitSet(), queries(values, 100, random));
    }

    @Test
    void removedEntriesAreNoLongerFound() {
        Random random = new Random(104);
        List<V> values = clustered(bulkSize() / 25, 25, random);
        SignalIndex<V> index = newIndex();
        index.addAll(values);
        BitSet removed = new BitSet();
        for (int i = 0; i < values.size(); i += 3) {
            assertThat(index.remove(i)).isTrue();
            removed.set(i);
        }

        assertThat(index.remove(0)).as("removing twice").isFalse();
        assertThat(index.remove(values.size())).as("an id never given").isFalse();
        assertThat(index.get(0)).isNull();
        assertThat(index.size()).isEqualTo(values.size() - removed.cardinality());
        assertSameAsBruteForce(index, values, removed, queries(values, 100, random));
    }

    @Test
    void nearestGivesTheClosestKInOrder() {
        Random random = new Random(105);
        List<V> values = clustered(bulkSize() / 50, 50, random);
        SignalIndex<V> index = newIndex();
        index.addAll(values);
        int radius = radii()[radii().length - 1];

        for (V query : queries(values, 50, random)) {
            List<Match> all = bruteForce(values, new BitSet(), query, radius);
            assertThat(index.nearest(query, 5, radius)).isEqualTo(all.subList(0, Math.min(5, all.size())));
        }
    }

    @Test
    void survivesAWriteAndARead() throws IOException {
        Random random = new Random(106);
        List<V> values = clustered(bulkSize() / 25, 25, random);
        SignalIndex<V> index = newIndex();
        index.addAll(values);
        BitSet removed = new BitSet();
        index.remove(5);
        removed.set(5);
        Path file = folder.resolve("index.ariadne");
        index.write(file);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) { // shared like any file, not 0600
            assertThat(Files.getPosixFilePermissions(file)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        }

        SignalIndex<V> loaded = read(file);

        assertThat(loaded.size()).isEqualTo(index.size());
        assertThat(loaded.get(5)).isNull();
        assertSameAsBruteForce(loaded, values, removed, queries(values, 50, random));
    }

    @Test
    void refusesDamagedAndForeignFilesClearly() throws IOException {
        SignalIndex<V> index = newIndex();
        Random random = new Random(107);
        for (int i = 0; i < 1000; i++) {
            index.add(random(random));
        }
        Path good = folder.resolve("good.ariadne");
        index.write(good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = folder.resolve("truncated.ariadne");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(IndexFileException.class).hasMessageContaining("truncated");

        Path flipped = folder.resolve("flipped.ariadne");
        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 0x10;
        Files.write(flipped, damaged);
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(IndexFileException.class).hasMessageContaining("checksum");

        Path text = folder.resolve("text.ariadne");
        Files.writeString(text, "this is not an index\n");
        assertThatThrownBy(() -> read(text)).isInstanceOf(IndexFileException.class).hasMessageContaining("not an Ariadne index");

        Path empty = folder.resolve("empty.ariadne");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> read(empty)).isInstanceOf(IndexFileException.class);
    }

    @Test
    void searchesRunWhileEntriesAreAdded() throws Exception {
        Random random = new Random(108);
        List<V> values = clustered(bulkSize() / 10, 10, random);
        SignalIndex<V> index = newIndex();
        int radius = radii()[radii().length - 1];
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Random own = new Random(200 + r);
            readers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!done.get()) {
                        int known = index.size(); // every entry added before this search must be found
                        if (known == 0) {
                            continue;
                        }
                        V query = near(values.get(own.nextInt(known)), own.nextInt(radius + 1), own);
                        List<Match> found = index.search(query, radius);
                        List<Match> expected = bruteForce(values.subList(0, known), new BitSet(), query, radius);
                        for (Match m : found) {
                            assertThat(m.distance()).isEqualTo(type().distance(values.get(m.id()), query));
                        }
                        assertThat(found).containsAll(expected);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (V value : values) {
            index.add(value);
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void aRejectedBatchLeavesTheIndexAsItWas() {
        Random random = new Random(109);
        SignalIndex<V> index = newIndex();
        index.add(random(random));
        List<V> batch = new ArrayList<>();
        batch.add(random(random));
        batch.add(null);

        assertThatThrownBy(() -> index.addAll(batch)).isInstanceOf(NullPointerException.class);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(1)).isNull();
        assertThat(index.add(batch.get(0))).as("the next id").isEqualTo(1);
        assertThat(index.remove(1)).isTrue();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void isFoundByTheSignalName() {
        assertThat(SignalIndexes.forSignal(type().name()).create().signalName()).isEqualTo(type().name());
    }
}
