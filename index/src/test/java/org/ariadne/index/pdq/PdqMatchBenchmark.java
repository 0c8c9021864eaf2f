package org.ariadne.index.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.pdq.PdqHasher;
import org.ariadne.index.Match;
import org.ariadne.media.DecodedImage;
import org.ariadne.media.ImageDecoder;
import org.ariadne.media.LumaImage;
import org.ariadne.media.Orientation;

/**
 * The PDQ index benchmark (bench/match-bench.sh runs it; see bench/README.md): 10 million reference
 * hashes, 1 million queries at radius 31, timed on every core, checked against brute force on a sample.
 *
 * <p>Arguments: photo folder (for real photos' hashes), work folder, references, queries, brute-force
 * sample. Prints Markdown for bench/RESULTS.md.
 */
public final class PdqMatchBenchmark {

    private static final int RADIUS = 31;
    private static final int CROPS_PER_PHOTO = 25;
    private static final long SEED = 20261123L;

    private PdqMatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path photos = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int refCount = Integer.parseInt(args[2]);
        int queryCount = Integer.parseInt(args[3]);
        int sample = Integer.parseInt(args[4]);
        Random random = new Random(SEED);

        long[] real = realPhotoHashes(photos, work.resolve("real-photo-pdq.txt"));
        int realCount = real.length / 4;
        long[] refs = references(refCount, real, random);
        long[] queries = queries(queryCount, refs, real, random);
        System.out.printf(Locale.ROOT, "## PDQ match benchmark, %s, %d cores%n%n", java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "- references: %,d: %,d hashes of real photos (crops of %s), %,d planted"
                        + " near them (0-40 bits), %,d in clusters of 10 (0-40 bits), the rest uniform%n",
                refCount, realCount, Path.of("").toAbsolutePath().relativize(photos.toAbsolutePath()), refCount / 5, refCount / 5);
        System.out.printf(Locale.ROOT, "- queries: %,d: a quarter planted near references (0-40 bits), a quarter"
                + " near real photos' hashes (0-40 bits), half uniform; radius %d%n", queryCount, RADIUS);

        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        PdqIndex index = new PdqIndex();
        index.addAll(view(refs));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "- build: %.2f s; memory: %.1f bytes a hash by the index's count, %.1f by the"
                        + " heap measured after collection (everything included)%n",
                buildSeconds, (double) index.memoryBytes() / refCount, (double) (heapAfter - heapBefore) / refCount);

        Path file = work.resolve("bench-index.ariadne");
        t0 = System.nanoTime();
        index.write(file);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        index = null;
        System.gc();
        t0 = System.nanoTime();
        PdqIndex loaded = PdqIndex.read(file);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "- file: %.0f MB, written in %.2f s, loaded (checksum and tables) in **%.2f s**%n",
                Files.size(file) / 1e6, writeSeconds, loadSeconds);
        Files.delete(file);

        // Warm up, then the timed runs over every core: batches (as `ariadne match` searches), then one
        // query at a time on a tenth of the queries.
        PdqIndex searched = loaded;
        searched.searchAll(view(queries).subList(0, Math.min(queryCount, BatchSearch.SIZE)), RADIUS, (q, m) -> { });
        AtomicLong matches = new AtomicLong();
        AtomicLong matchedQueries = new AtomicLong();
        int parts = (queryCount + BatchSearch.SIZE - 1) / BatchSearch.SIZE;
        t0 = System.nanoTime();
        IntStream.range(0, parts).parallel().forEach(part -> {
            int from = part * BatchSearch.SIZE;
            searched.searchAll(view(queries).subList(from, Math.min(queryCount, from + BatchSearch.SIZE)), RADIUS,
                    (q, found) -> {
                        if (!found.isEmpty()) {
                            matches.addAndGet(found.size());
                            matchedQueries.incrementAndGet();
                        }
                    });
        });
        double searchSeconds = (System.nanoTime() - t0) / 1e9;
        double rate = queryCount / searchSeconds;
        System.out.printf(Locale.ROOT, "- index, in batches of %,d queries a thread: %,d queries in %.1f s: **%,.0f"
                        + " queries/s**; %,d queries matched, %,d matches%n", BatchSearch.SIZE, queryCount, searchSeconds,
                rate, matchedQueries.get(), matches.get());
        int single = Math.max(1, queryCount / 10);
        for (int i = 0; i < Math.min(single, 20_000); i++) {
            searched.search(hash(queries, i), RADIUS);
        }
        t0 = System.nanoTime();
        IntStream.range(0, single).parallel().forEach(i -> searched.search(hash(queries, i), RADIUS));
        double singleSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "- index, one query at a time (search), first %,d queries: %,.0f queries/s%n",
                single, single / singleSeconds);

        // Brute force on a sample, one query per core at a time, as the index ran.
        int step = Math.max(1, queryCount / sample);
        int[] picked = IntStream.range(0, sample).map(i -> i * step % queryCount).toArray();
        List<List<Match>> brute = new ArrayList<>();
        for (int i = 0; i < picked.length; i++) {
            brute.add(null);
        }
        t0 = System.nanoTime();
        IntStream.range(0, picked.length).parallel().forEach(i -> brute.set(i, bruteForce(refs, queries, picked[i])));
        double bruteSeconds = (System.nanoTime() - t0) / 1e9;
        double bruteRate = picked.length / bruteSeconds;
        List<PdqHash> sampled = new ArrayList<>();
        for (int q : picked) {
            sampled.add(hash(queries, q));
        }
        List<List<Match>> batched = new ArrayList<>();
        searched.searchAll(sampled, RADIUS, (q, found) -> batched.add(found));
        int differ = 0;
        for (int i = 0; i < picked.length; i++) {
            if (!searched.search(sampled.get(i), RADIUS).equals(brute.get(i)) || !batched.get(i).equals(brute.get(i))) {
                differ++;
            }
        }
        System.out.printf(Locale.ROOT, "- brute force (Long.bitCount over packed longs), %,d sampled queries: %,.1f"
                        + " queries/s; results identical to the index's, one by one and as a batch: **%s** (%d differ); index / brute force: **%,.0fx**%n",
                picked.length, bruteRate, differ == 0 ? "yes" : "NO", differ, rate / bruteRate);
    }

    private static PdqHash hash(long[] words, int i) {
        return new PdqHash(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]);
    }

    private static List<PdqHash> view(long[] words) {
        return new AbstractList<>() {
            @Override
            public PdqHash get(int i) {
                return hash(words, i);
            }

            @Override
            public int size() {
                return words.length / 4;
            }
        };
    }

    private static List<Match> bruteForce(long[] refs, long[] queries, int q) {
        long a = queries[4 * q];
        long b = queries[4 * q + 1];
        long c = queries[4 * q + 2];
        long d = queries[4 * q + 3];
        List<Match> found = new ArrayList<>();
        for (int i = 0, n = refs.length / 4; i < n; i++) {
            int o = 4 * i;
            int distance = Long.bitCount(refs[o] ^ a) + Long.bitCount(refs[o + 1] ^ b)
                    + Long.bitCount(refs[o + 2] ^ c) + Long.bitCount(refs[o + 3] ^ d);
            if (distance <= RADIUS) {
                found.add(new Match(i, distance));
            }
        }
        found.sort(null);
        return found;
    }

    /** All real photos' hashes first, a fifth near them, a fifth in uniform clusters, the rest uniform. */
    private static long[] references(int count, long[] real, Random random) {
        long[] refs = new long[4 * count];
        int realCount = real.length / 4;
        System.arraycopy(real, 0, refs, 0, Math.min(real.length, refs.length));
        int i = Math.min(realCount, count);
        int nearReal = Math.min(count, i + count / 5);
        for (; i < nearReal; i++) {
            plant(refs, i, real, random.nextInt(realCount), random.nextInt(41), random);
        }
        int clustered = Math.min(count, i + count / 5);
        for (; i < clustered; i++) {
            if (i % 10 == 0) {
                uniform(refs, i, random);
            } else {
                plant(refs, i, refs, i - i % 10, random.nextInt(41), random);
            }
        }
        for (; i < count; i++) {
            uniform(refs, i, random);
        }
        return refs;
    }

    private static long[] queries(int count, long[] refs, long[] real, Random random) {
        long[] queries = new long[4 * count];
        int refCount = refs.length / 4;
        int realCount = real.length / 4;
        for (int i = 0; i < count; i++) {
            switch (i % 4) {
                case 0 -> plant(queries, i, refs, random.nextInt(refCount), random.nextInt(41), random);
                case 1 -> plant(queries, i, real, random.nextInt(realCount), random.nextInt(41), random);
                default -> uniform(queries, i, random);
            }
        }
        return queries;
    }

    private static void uniform(long[] into, int i, Random random) {
        for (int w = 0; w < 4; w++) {
            into[4 * i + w] = random.nextLong();
        }
    }

    /** Entry {@code i} of {@code into}: entry {@code from} of {@code source} with {@code bits} distinct bits flipped. */
    private static void plant(long[] into, int i, long[] source, int from, int bits, Random random) {
        System.arraycopy(source, 4 * from, into, 4 * i, 4);
        int flipped = 0;
        long[] mask = new long[4];
        while (flipped < bits) {
            int bit = random.nextInt(256);
            if ((mask[bit >>> 6] & (1L << bit)) == 0) {
                mask[bit >>> 6] |= 1L << bit;
                flipped++;
            }
        }
        for (int w = 0; w < 4; w++) {
            into[4 * i + w] ^= mask[w];
        }
    }

    /** Hashes of random crops of every photo in the folder (cached in {@code cache}). */
    private static long[] realPhotoHashes(Path photos, Path cache) throws IOException {
        if (!Files.exists(cache)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(photos)) {
                files = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no photos in " + photos + " (run bench/build-photo-sets.sh)");
            }
            ImageDecoder decoder = new ImageDecoder();
            PdqHasher hasher = new PdqHasher();
            List<String> lines = files.parallelStream().flatMap(file -> {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    DecodedImage image = decoder.decode(bytes, bytes.length, Orientation.NORMAL);
                    Random random = new Random(file.getFileName().toString().hashCode());
                    List<String> hashes = new ArrayList<>();
                    for (int c = 0; c < CROPS_PER_PHOTO; c++) {
                        hashes.add(hasher.hash(crop(image.luma(), random)).hash().hex());
                    }
                    return hashes.stream();
                } catch (Exception e) {
                    throw new IllegalStateException(file + ": " + e.getMessage(), e);
                }
            }).toList();
            Files.write(cache, lines);
        }
        List<String> lines = Files.readAllLines(cache);
        long[] words = new long[4 * lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            PdqHash h = PdqHash.parse(lines.get(i));
            words[4 * i] = h.w0();
            words[4 * i + 1] = h.w1();
            words[4 * i + 2] = h.w2();
            words[4 * i + 3] = h.w3();
        }
        return words;
    }

    /** A random crop keeping 60 to 100 percent of each side. */
    private static LumaImage crop(LumaImage image, Random random) {
        int w = Math.max(1, (int) (image.width() * (0.6 + 0.4 * random.nextDouble())));
        int h = Math.max(1, (int) (image.height() * (0.6 + 0.4 * random.nextDouble())));
        int x0 = random.nextInt(image.width() - w + 1);
        int y0 = random.nextInt(image.height() - h + 1);
        float[] pixels = new float[w * h];
        float[] row = new float[image.width()];
        for (int y = 0; y < h; y++) {
            image.copyRow(y0 + y, row);
            System.arraycopy(row, x0, pixels, y * w, w);
        }
        return new LumaImage(w, h, pixels);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
