package org.ariadne.hashsets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.index.Match;
import org.ariadne.index.exact.ExactHashIndex;
import org.ariadne.index.pdq.PdqIndex;

/**
 * Every entry of the hash sets loaded, indexed for matching: exactly by MD5, SHA-1 and SHA-256, and
 * within a radius by PDQ. Entries of different sets that share a hash are all kept; where they disagree
 * about the item (category, victim or offender identified, series), the disagreement is listed as a
 * {@link Conflict}, so that a specialist can settle it rather than Ariadne silently picking one.
 *
 * <p>Loading is for one thread; lookups are safe from many once loading is done.
 */
public final class KnownHashes {

    /** An entry and the hash set (file name) it came from. */
    public record Known(String hashSet, HashSetEntry entry) {
    }

    /** A PDQ match: the entry and its distance to the query. */
    public record Similar(Known known, int distance) {
    }

    /** Two entries with the same hash that disagree; {@code hash} is the shared value, {@code what} the fields. */
    public record Conflict(String hash, Known first, Known second, String what) {
    }

    /** What loading one file gave. */
    public record Loaded(String hashSet, HashSetFormat format, int entries, int problems) {
    }

    private final List<Known> entries = new ArrayList<>();
    private final Map<CryptoAlgorithm, ExactHashIndex> exact = new EnumMap<>(CryptoAlgorithm.class);
    /** For each index, the entry (position in {@link #entries}) behind each of the index's ids. */
    private final Map<CryptoAlgorithm, IntList> exactEntries = new EnumMap<>(CryptoAlgorithm.class);
    private final PdqIndex pdq = new PdqIndex();
    private final IntList pdqEntries = new IntList();
    private final List<Conflict> conflicts = new ArrayList<>();

    public KnownHashes() {
        for (CryptoAlgorithm algorithm : CryptoAlgorithm.values()) {
            exact.put(algorithm, new ExactHashIndex(algorithm));
            exactEntries.put(algorithm, new IntList());
        }
    }

    /**
     * Loads a hash set; each malformed record is skipped and given to {@code problems} with its place in
     * the file ({@code line 12}, {@code $.value[3]}) and what is wrong.
     *
     * @throws NotAHashSetException if the file is no hash set
     */
    public Loaded load(Path file, HashType plainType, BiConsumer<String, String> problems) throws IOException {
        String name = file.getFileName().toString();
        int[] counts = new int[2];
        HashSetFormat format = HashSetReader.read(file, plainType, new HashSetReader.Listener() {
            @Override
            public void entry(HashSetEntry entry) {
                add(new Known(name, entry));
                counts[0]++;
            }

            @Override
            public void problem(String location, String message) {
                counts[1]++;
                problems.accept(location, message);
            }
        });
        return new Loaded(name, format, counts[0], counts[1]);
    }

    private void add(Known known) {
        int position = entries.size();
        entries.add(known);
        HashSetEntry e = known.entry();
        addExact(CryptoAlgorithm.MD5, e.md5(), known, position);
        addExact(CryptoAlgorithm.SHA1, e.sha1(), known, position);
        addExact(CryptoAlgorithm.SHA256, e.sha256(), known, position);
        if (e.pdq() != null) {
            pdq.add(e.pdq());
            pdqEntries.add(position);
        }
    }

    private void addExact(CryptoAlgorithm algorithm, CryptoHash hash, Known known, int position) {
        if (hash == null) {
            return;
        }
        ExactHashIndex index = exact.get(algorithm);
        for (Match m : index.search(hash, 0)) {
            Known other = entries.get(exactEntries.get(algorithm).get(m.id()));
            String what = disagreement(other.entry(), known.entry());
            if (what != null) {
                conflicts.add(new Conflict(hash.toString(), other, known, what));
            }
        }
        index.add(hash);
        exactEntries.get(algorithm).add(position);
    }

    /** The fields two entries of one item disagree on, or null: a field one of them leaves empty is no conflict. */
    private static String disagreement(HashSetEntry a, HashSetEntry b) {
        List<String> fields = new ArrayList<>();
        if (differ(a.category(), b.category())) {
            fields.add("category");
        }
        if (differ(a.victimIdentified(), b.victimIdentified())) {
            fields.add("victim identified");
        }
        if (differ(a.offenderIdentified(), b.offenderIdentified())) {
            fields.add("offender identified");
        }
        if (differ(a.series(), b.series())) {
            fields.add("series");
        }
        return fields.isEmpty() ? null : String.join(", ", fields);
    }

    private static boolean differ(Object a, Object b) {
        return a != null && b != null && !Objects.equals(a, b);
    }

    /** Every entry with this hash, in loading order. */
    public List<Known> exact(CryptoHash hash) {
        List<Known> found = new ArrayList<>();
        IntList positions = exactEntries.get(hash.algorithm());
        for (Match m : exact.get(hash.algorithm()).search(hash, 0)) {
            found.add(entries.get(positions.get(m.id())));
        }
        return found;
    }

    /** Every entry whose PDQ lies within {@code radius} of {@code hash}, nearest first. */
    public List<Similar> similar(PdqHash hash, int radius) {
        List<Similar> found = new ArrayList<>();
        for (Match m : pdq.search(hash, radius)) {
            found.add(new Similar(entries.get(pdqEntries.get(m.id())), m.distance()));
        }
        return found;
    }

    /**
     * {@link #similar} for many hashes at once, answered by the index's batch search (much cheaper a
     * query when there are thousands): the entries within {@code radius} of each, nearest first.
     */
    public List<List<Similar>> similarAll(List<PdqHash> hashes, int radius) {
        List<List<Similar>> found = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            found.add(List.of());
        }
        pdq.searchAll(hashes, radius, (query, matches) -> {
            List<Similar> similar = new ArrayList<>(matches.size());
            for (Match m : matches) {
                similar.add(new Similar(entries.get(pdqEntries.get(m.id())), m.distance()));
            }
            found.set(query, similar);
        });
        return found;
    }

    /** How many entries have a PDQ: what a PDQ search has to look through. */
    public int pdqCount() {
        return pdq.size();
    }

    public int size() {
        return entries.size();
    }

    /** Disagreements between entries sharing a hash, in the order they were found. */
    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    /** A growable list of ints, without boxing (millions of entries). */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int i) {
            return values[i];
        }
    }
}
