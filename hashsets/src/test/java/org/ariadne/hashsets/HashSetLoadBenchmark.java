package org.ariadne.hashsets;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * Loading benchmark of {@link KnownHashes}, run by bench/hashset-load-bench.sh: each file given is
 * loaded in a fresh {@code KnownHashes}, as the triage command loads a set, and the figures of
 * bench/RESULTS.md printed: wall time, heap held after collection, bytes an entry, then the cost of the
 * lookups triage makes (exact, and PDQ within radius 31).
 *
 * <p>Usage: {@code HashSetLoadBenchmark FILE...}
 */
final class HashSetLoadBenchmark {

    /** Triage searches each image's PDQ (and its 7 dihedral variants) within this radius. */
    private static final int TRIAGE_RADIUS = 31;
    private static final int EXACT_LOOKUPS = 200_000;
    private static final int PDQ_SEARCHES = 20_000;
    /** Planted PDQ queries differ from an entry's hash in up to this many bits. */
    private static final int PLANTED_BITS = 40;
    private static final long SEED = 20261123L;

    private HashSetLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: HashSetLoadBenchmark FILE...");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "- JVM: %s, %d processors, max heap %.1f GB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
        for (String arg : args) {
            run(Path.of(arg));
        }
    }

    private static void run(Path file) throws Exception {
        long heapBefore = usedHeap();
        KnownHashes known = new KnownHashes();
        int[] problems = {0};
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        KnownHashes.Loaded loaded = known.load(file, null, (where, what) -> problems[0]++);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
        long heap = usedHeap() - heapBefore;
        int entries = known.size();
        System.out.printf(Locale.ROOT, "%n### %s (%s, %,d bytes)%n", file.getFileName(), loaded.format().label(),
                Files.size(file));
        System.out.printf(Locale.ROOT, "- entries: %,d loaded, %,d problems, %,d conflicts%n", loaded.entries(),
                loaded.problems(), known.conflicts().size());
        System.out.printf(Locale.ROOT, "- load: **%.2f s** wall (%.2f s of CPU, all threads)%n", seconds, cpuSeconds);
        System.out.printf(Locale.ROOT, "- memory: heap held after collection %,d bytes, **%.1f bytes an entry**;"
                + " by the structures' own count %.1f bytes an entry%n", heap, (double) heap / entries,
                (double) known.memoryBytes() / entries);
        lookups(known, entries);
    }

    /** Exact lookups (half of them of entries' hashes, half of random ones) and PDQ searches at the triage radius. */
    private static void lookups(KnownHashes known, int entries) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<CryptoHash> md5s = new ArrayList<>();
        List<PdqHash> queries = new ArrayList<>();
        boolean anyPdq = false;
        for (int i = 0; i < EXACT_LOOKUPS; i++) {
            HashSetEntry entry = known.known(random.nextInt(entries)).entry();
            anyPdq |= entry.pdq() != null;
            if (i % 2 == 0 && entry.md5() != null) {
                md5s.add(entry.md5());
            } else {
                byte[] bytes = new byte[CryptoAlgorithm.MD5.bytes()];
                random.nextBytes(bytes);
                md5s.add(CryptoHash.of(CryptoAlgorithm.MD5, bytes));
            }
            if (i < PDQ_SEARCHES) {
                queries.add(i % 2 == 0 && entry.pdq() != null ? flip(entry.pdq(), random.nextInt(PLANTED_BITS + 1), random)
                        : new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
            }
        }
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
            long t0 = System.nanoTime();
            long found = 0;
            for (CryptoHash md5 : md5s) {
                found += known.exact(md5).size();
            }
            double exactMicros = (System.nanoTime() - t0) / 1e3 / md5s.size();
            t0 = System.nanoTime();
            long similar = 0;
            for (PdqHash query : queries) {
                similar += known.similar(query, TRIAGE_RADIUS).size();
            }
            double pdqMicros = (System.nanoTime() - t0) / 1e3 / queries.size();
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "- lookups, one thread: exact MD5 %.2f us each (%,d lookups, half of"
                        + " entries' hashes, %,d found)%n", exactMicros, md5s.size(), found);
                System.out.printf(Locale.ROOT, anyPdq ? "- PDQ within %d, one thread: %.0f us a search (%,d searches,"
                        + " half planted 0-%d bits from an entry, %,d found)%n" : "- no PDQ in this set%n",
                        TRIAGE_RADIUS, pdqMicros, queries.size(), PLANTED_BITS, similar);
            }
        }
    }

    /** The hash with {@code bits} distinct bits flipped. */
    private static PdqHash flip(PdqHash hash, int bits, SplittableRandom random) {
        long[] w = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        long[] flipped = new long[4];
        for (int n = 0; n < bits; ) {
            int bit = random.nextInt(PdqHash.BITS);
            if ((flipped[bit >>> 6] & 1L << bit) == 0) {
                flipped[bit >>> 6] |= 1L << bit;
                w[bit >>> 6] ^= 1L << bit;
                n++;
            }
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
