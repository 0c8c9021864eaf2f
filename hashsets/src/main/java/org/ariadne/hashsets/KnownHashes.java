package org.ariadne.hashsets;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
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
 * <p>Built for sets of tens of millions of entries: the hashes live only in the indexes, added in bulk
 * as a file is read and sorted or tabled once at its end; what the sets say of each entry is kept in
 * columns of a few bytes ({@link KnownEntries}); an entry handed out ({@link Known#entry}) is rebuilt
 * from both, equal to what the reader read. Entries sharing a hash are found once a file is loaded,
 * from the exact indexes' sorted runs, rather than by a lookup before each addition.
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

    private static final CryptoAlgorithm[] ALGORITHMS = CryptoAlgorithm.values();

    private final KnownEntries entries = new KnownEntries();
    private final Map<CryptoAlgorithm, ExactHashIndex> exact = new EnumMap<>(CryptoAlgorithm.class);
    /** For each index, the entry behind each of the index's ids. */
    private final Map<CryptoAlgorithm, Positions> exactPositions = new EnumMap<>(CryptoAlgorithm.class);
    private final PdqIndex pdq = new PdqIndex();
    private final Positions pdqPositions = new Positions();
    /**
     * The conflicts, in the order the entries were loaded: each the later entry's position, the
     * algorithm of the shared hash, and the earlier entry's position.
     */
    private final Column conflictSeconds = new Column();
    private final Column conflictAlgorithms = new Column();
    private final Column conflictFirsts = new Column();

    /** VICS and ICSE files of this many bytes or more are read by two threads. */
    private final long splitFrom;

    public KnownHashes() {
        this(HashSetReader.SPLIT_FROM);
    }

    /** For tests: splits VICS and ICSE files from {@code splitFrom} bytes on, small ones too. */
    KnownHashes(long splitFrom) {
        this.splitFrom = splitFrom;
        for (CryptoAlgorithm algorithm : ALGORITHMS) {
            exact.put(algorithm, new ExactHashIndex(algorithm));
            exactPositions.put(algorithm, new Positions());
        }
    }

    /**
     * Loads a hash set; each malformed record is skipped and given to {@code problems} with its place in
     * the file ({@code line 12}, {@code $.value[3]}) and what is wrong. If reading fails part way, what
     * was read before stays loaded.
     *
     * @throws NotAHashSetException if the file is no hash set
     */
    public Loaded load(Path file, HashType plainType, BiConsumer<String, String> problems) throws IOException {
        return load(file, plainType, problems, UnaryOperator.identity());
    }

    /** For tests: {@code view} stands between the reader and the loading (to slow the first thread, say). */
    Loaded load(Path file, HashType plainType, BiConsumer<String, String> problems, UnaryOperator<RecordSink> view)
            throws IOException {
        String name = file.getFileName().toString();
        Loading loading = new Loading(name, problems);
        HashSetFormat format;
        try {
            format = HashSetReader.read(file, plainType, view.apply(loading), splitFrom);
        } finally {
            loading.finish();
        }
        return new Loaded(name, format, loading.entries, loading.problemCount);
    }

    /** One file being loaded: its records go to the columns and, in bulk, to the indexes. */
    private final class Loading implements RecordSink {

        private final String name;
        private final BiConsumer<String, String> problems;
        private final KnownEntries.Part part;
        private final Map<CryptoAlgorithm, ExactHashIndex.Bulk> exactBulks = new EnumMap<>(CryptoAlgorithm.class);
        private final PdqIndex.Bulk pdqBulk;
        int entries;
        int problemCount;
        /** Adds what is left of the PDQ hashes and builds their tables, once the whole file is read. */
        private Thread tables;

        Loading(String name, BiConsumer<String, String> problems) {
            this.name = name;
            this.problems = problems;
            this.part = new KnownEntries.Part(name);
            KnownHashes.this.entries.place(part, 0, 0);
            for (CryptoAlgorithm algorithm : ALGORITHMS) {
                exactBulks.put(algorithm, exact.get(algorithm).bulk());
            }
            pdqBulk = pdq.bulk();
        }

        @Override
        public void entry(EntryBuilder record) {
            int position = KnownHashes.this.entries.size();
            part.add(record);
            entries++;
            for (CryptoAlgorithm algorithm : ALGORITHMS) {
                if (record.has(HashType.of(algorithm))) {
                    exactBulks.get(algorithm).add(record.crypto(algorithm), 0);
                    exactPositions.get(algorithm).add(position);
                }
            }
            if (record.has(HashType.PDQ)) {
                long[] w = record.pdq();
                pdqBulk.add(w[0], w[1], w[2], w[3]);
                pdqPositions.add(position);
            }
        }

        @Override
        public void problem(String location, String message) {
            problemCount++;
            problems.accept(location, message);
        }

        @Override
        public Later later() {
            return new LaterPart();
        }

        /**
         * The second half of a large file, read by another thread: its entries wait in a part of their
         * own, their hashes held raw, its problems held, until the first half is read.
         */
        private final class LaterPart implements Later {

            private KnownEntries.Part held;
            private HeldHashes hashes;
            private List<HeldProblem> heldProblems;
            private boolean joined;

            LaterPart() {
                restart();
            }

            @Override
            public void entry(EntryBuilder record) {
                held.add(record);
                hashes.add(record);
            }

            @Override
            public void problem(EntryBuilder place, String message) {
                heldProblems.add(new HeldProblem(place.lines(), place.caseIndex(), place.index(), message));
            }

            @Override
            public void restart() {
                forget();
                held = new KnownEntries.Part(name);
                hashes = new HeldHashes();
                heldProblems = new ArrayList<>();
            }

            private void forget() {
                if (hashes != null) {
                    hashes.close();
                }
                held = null;
                hashes = null;
                heldProblems = null;
            }

            @Override
            public void join(int itemOffset, int lineOffset) {
                int first = KnownHashes.this.entries.size();
                KnownHashes.this.entries.place(held, itemOffset, lineOffset);
                // the file is read: the PDQ hashes go in and their tables are built on a thread of their
                // own, while this one hands on the crypto hashes, then sorts them in finish()
                HeldHashes heldHashes = hashes;
                CountDownLatch replayed = new CountDownLatch(1);
                tables = Thread.ofPlatform().name("pdq-tables").start(() -> {
                    try {
                        long[] words = new long[4 * HeldHashes.chunkSize()];
                        heldHashes.replay(HashType.PDQ, record -> pdqPositions.add(first + record), (chunk, count) -> {
                            MemorySegment.copy(chunk, ValueLayout.JAVA_LONG_UNALIGNED, 0, words, 0, 4 * count);
                            pdqBulk.add(words, 0, count);
                        });
                    } finally {
                        replayed.countDown();
                    }
                    pdqBulk.close();
                });
                for (CryptoAlgorithm algorithm : ALGORITHMS) {
                    ExactHashIndex.Bulk bulk = exactBulks.get(algorithm);
                    Positions positions = exactPositions.get(algorithm);
                    byte[] keys = new byte[algorithm.bytes() * HeldHashes.chunkSize()];
                    hashes.replay(HashType.of(algorithm), record -> positions.add(first + record), (chunk, count) -> {
                        MemorySegment.copy(chunk, ValueLayout.JAVA_BYTE, 0, keys, 0, algorithm.bytes() * count);
                        bulk.add(keys, 0, count);
                    });
                }
                entries += held.size();
                for (HeldProblem p : heldProblems) {
                    Loading.this.problem(p.location(itemOffset, lineOffset), p.message());
                }
                awaitUninterrupted(replayed);
                hashes.close();
                hashes = null;
                heldProblems = null;
                joined = true;
            }

            @Override
            public void discard() {
                if (!joined) {
                    forget();
                }
            }
        }

        /**
         * Publishes what was read and lists the new conflicts. The PDQ index builds its tables on one
         * thread while the exact indexes sort on this one: each uses both cores at times, but each also
         * has stretches on one, which the other fills.
         */
        void finish() {
            if (tables == null) {
                tables = Thread.ofPlatform().name("pdq-tables").start(pdqBulk::close);
            }
            for (ExactHashIndex.Bulk bulk : exactBulks.values()) {
                bulk.close();
            }
            awaitUninterrupted(tables);
            findConflicts();
        }

        /**
         * Every pair of entries sharing a crypto hash, the later one from this file, that disagree: in the
         * order a lookup before each addition would have found them (by the later entry, then algorithm,
         * then the earlier entry), so that the list reads the same whichever way it is made.
         */
        private void findConflicts() {
            long[][] found = {new long[16]};
            int[] count = {0};
            for (CryptoAlgorithm algorithm : ALGORITHMS) {
                Positions positions = exactPositions.get(algorithm);
                int from = exactBulks.get(algorithm).first();
                exact.get(algorithm).duplicates(from, (ids, n) -> {
                    for (int j = 0; j < n; j++) {
                        if (ids[j] < from) {
                            continue;
                        }
                        int second = positions.position(ids[j]);
                        for (int i = 0; i < j; i++) {
                            int first = positions.position(ids[i]);
                            if (KnownHashes.this.entries.disagreement(first, second) != null) {
                                if (count[0] == found[0].length) {
                                    found[0] = Arrays.copyOf(found[0], 2 * count[0]);
                                }
                                found[0][count[0]++] = conflictKey(second, algorithm, first);
                            }
                        }
                    }
                });
            }
            long[] keys = Arrays.copyOf(found[0], count[0]);
            Arrays.sort(keys);
            for (long key : keys) {
                conflictSeconds.add(key >>> CONFLICT_SECOND_SHIFT);
                conflictAlgorithms.add(key >>> CONFLICT_ALGORITHM_SHIFT & CONFLICT_ALGORITHM_MASK);
                conflictFirsts.add(key & Integer.MAX_VALUE);
            }
        }
    }

    /** Waits for a thread that completes what the caller needs (an index's tables): an interrupt waits too. */
    private static void awaitUninterrupted(Thread thread) {
        awaitUninterrupted(thread::join);
    }

    private static void awaitUninterrupted(CountDownLatch latch) {
        awaitUninterrupted(latch::await);
    }

    private interface Wait {
        void await() throws InterruptedException;
    }

    private static void awaitUninterrupted(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A problem of a later part, its place as its reader counted it: moved once the part's start is known. */
    private record HeldProblem(boolean lines, int caseIndex, int index, String message) {

        String location(int itemOffset, int lineOffset) {
            if (lines) {
                return EntryBuilder.location(true, -1, index + lineOffset);
            }
            return caseIndex < 0 ? EntryBuilder.location(false, -1, index + itemOffset)
                    : EntryBuilder.location(false, caseIndex + itemOffset, index);
        }
    }

    private static final int CONFLICT_ALGORITHM_SHIFT = 31;
    private static final int CONFLICT_ALGORITHM_MASK = 3;
    private static final int CONFLICT_SECOND_SHIFT = 33;

    /** A conflict as one sortable number: second entry (30 bits), algorithm (2), first entry (31). */
    private static long conflictKey(int second, CryptoAlgorithm algorithm, int first) {
        if (second >= 1 << (Long.SIZE - 1 - CONFLICT_SECOND_SHIFT)) {
            throw new IllegalStateException("more than 2^30 entries: conflicts cannot be listed");
        }
        return (long) second << CONFLICT_SECOND_SHIFT | (long) algorithm.ordinal() << CONFLICT_ALGORITHM_SHIFT | first;
    }

    /** Every entry with this hash, in loading order. */
    public List<Known> exact(CryptoHash hash) {
        List<Known> found = new ArrayList<>();
        Positions positions = exactPositions.get(hash.algorithm());
        for (Match m : exact.get(hash.algorithm()).search(hash, 0)) {
            found.add(known(positions.position(m.id())));
        }
        return found;
    }

    /** Every entry whose PDQ lies within {@code radius} of {@code hash}, nearest first. */
    public List<Similar> similar(PdqHash hash, int radius) {
        List<Similar> found = new ArrayList<>();
        for (Match m : pdq.search(hash, radius)) {
            found.add(new Similar(known(pdqPositions.position(m.id())), m.distance()));
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
                similar.add(new Similar(known(pdqPositions.position(m.id())), m.distance()));
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

    /** Disagreements between entries sharing a hash, in the order their entries were loaded. */
    public List<Conflict> conflicts() {
        List<Conflict> conflicts = new ArrayList<>(conflictSeconds.size());
        for (int c = 0; c < conflictSeconds.size(); c++) {
            int second = (int) conflictSeconds.get(c);
            int first = (int) conflictFirsts.get(c);
            CryptoAlgorithm algorithm = ALGORITHMS[(int) conflictAlgorithms.get(c)];
            CryptoHash hash = exact.get(algorithm).get(exactPositions.get(algorithm).id(second));
            conflicts.add(new Conflict(hash.toString(), known(first), known(second),
                    entries.disagreement(first, second)));
        }
        return conflicts;
    }

    /** The entry at {@code position} (from 0, in loading order), rebuilt from the columns and indexes. */
    Known known(int position) {
        CryptoHash[] hashes = new CryptoHash[ALGORITHMS.length];
        for (CryptoAlgorithm algorithm : ALGORITHMS) {
            int id = exactPositions.get(algorithm).id(position);
            hashes[algorithm.ordinal()] = id < 0 ? null : exact.get(algorithm).get(id);
        }
        int pdqId = pdqPositions.id(position);
        HashSetEntry entry = entries.entry(position, hashes[CryptoAlgorithm.MD5.ordinal()],
                hashes[CryptoAlgorithm.SHA1.ordinal()], hashes[CryptoAlgorithm.SHA256.ordinal()],
                pdqId < 0 ? null : pdq.get(pdqId));
        return new Known(entries.hashSet(position), entry);
    }

    /** Bytes the entries and indexes hold, by their own count. */
    long memoryBytes() {
        long bytes = entries.memoryBytes() + pdq.memoryBytes() + pdqPositions.memoryBytes()
                + conflictSeconds.memoryBytes() + conflictAlgorithms.memoryBytes() + conflictFirsts.memoryBytes();
        for (CryptoAlgorithm algorithm : ALGORITHMS) {
            bytes += exact.get(algorithm).memoryBytes() + exactPositions.get(algorithm).memoryBytes();
        }
        return bytes;
    }
}
