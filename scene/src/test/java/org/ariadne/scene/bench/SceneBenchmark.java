package org.ariadne.scene.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.ariadne.media.DecodedImage;
import org.ariadne.media.ImageDecoder;
import org.ariadne.media.LumaImage;
import org.ariadne.media.Orientation;
import org.ariadne.media.UndecodableMediaException;
import org.ariadne.scene.Region;
import org.ariadne.scene.SceneComparison;
import org.ariadne.scene.SceneExtractor;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.Vocabulary;
import org.ariadne.scene.index.SceneIndex;
import org.ariadne.scene.index.SceneMatch;
import org.ariadne.scene.index.SceneQuery;
import org.ariadne.scene.testing.Scenes;

/**
 * The scene benchmark (bench/scene-bench.sh, bench/README.md): precision at rank 1 of same-scene queries,
 * false links among distinct photos, query time over a large index, indexing rate.
 *
 * <p>Arguments: a file listing distinct photos (one path a line), a file of real pairs ("query indexed"
 * a line), the number of entries to fill the index to, threads.
 */
public final class SceneBenchmark {

    private static final ImageDecoder DECODER = new ImageDecoder();
    private static final SceneExtractor EXTRACTOR = new SceneExtractor();
    /** Photos with fewer features than this are listed: smooth pictures that no edit of can be found by corners. */
    private static final int FEW_FEATURES = 100;

    private SceneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> photos = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        List<String[]> pairs = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank())
                .map(s -> s.trim().split("\\s+")).toList();
        int fill = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());

        // 1. Indexing rate: read, decode, extract and add every photo, on all threads.
        List<Path> indexed = new ArrayList<>(photos);
        for (String[] pair : pairs) {
            indexed.add(Path.of(pair[1]));
        }
        SceneIndex index = new SceneIndex();
        long start = System.nanoTime();
        List<SceneFeatures> features = extractAll(indexed, threads);
        index.addAll(features);
        for (int i = 0; i < photos.size(); i++) {
            if (features.get(i).count() < FEW_FEATURES) {
                System.out.printf("  few features: %s has %d%n", photos.get(i).getFileName(), features.get(i).count());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("indexing: %d photos in %.1f s on %d threads: %.1f photos/s (decode + ORB + words + add)%n",
                indexed.size(), seconds, threads, indexed.size() / seconds);

        // 1b. Without the decoding: features of pictures already decoded and shrunk to 1280 pixels (the
        // wallpapers are up to 20 megapixels, mostly PNG, which decode slowly in pure Java).
        List<LumaImage> decoded = new ArrayList<>();
        for (Path p : photos) {
            LumaImage l = decode(p);
            if (l != null) {
                decoded.add(Scenes.scaled(l, Math.min(1.0, 1280.0 / Math.max(l.width(), l.height()))));
            }
        }
        SceneIndex scratch = new SceneIndex();
        int passes = 4;
        start = System.nanoTime();
        ExecutorService extractors = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SceneFeatures>> done = new ArrayList<>();
            for (int pass = 0; pass < passes; pass++) {
                for (LumaImage l : decoded) {
                    done.add(extractors.submit(() -> EXTRACTOR.extract(l)));
                }
            }
            for (Future<SceneFeatures> f : done) {
                scratch.add(f.get());
            }
        } finally {
            extractors.shutdown();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("indexing decoded pictures (up to 1280 px): %d in %.1f s on %d threads: %.1f pictures/s (ORB + words + add)%n",
                passes * decoded.size(), seconds, threads, passes * decoded.size() / seconds);

        triageCost(decoded);

        // 2. False links among distinct photos: every pair compared by the reference comparison.
        int distinct = photos.size();
        int falseLinks = 0;
        int worst = 0;
        List<Integer> strongest = new ArrayList<>();
        int comparisons = 0;
        for (int a = 0; a < distinct; a++) {
            for (int b = a + 1; b < distinct; b++) {
                int inliers = SceneComparison.compare(features.get(a), features.get(b)).inliers();
                worst = Math.max(worst, inliers);
                strongest.add(inliers);
                if (inliers >= SceneComparison.MIN_INLIERS) {
                    falseLinks++;
                    System.out.printf("  linked: %s ~ %s, %d agreeing%n", photos.get(a).getFileName(), photos.get(b).getFileName(), inliers);
                }
                comparisons++;
            }
        }
        System.out.printf("distinct photos: %d pairs, %d linked (%.2f %%), most agreeing features between distinct photos %d%n",
                comparisons, falseLinks, 100.0 * falseLinks / comparisons, worst);
        strongest.sort(java.util.Comparator.reverseOrder());
        System.out.println("  the ten strongest pairs' agreeing features: " + strongest.subList(0, Math.min(10, strongest.size())));

        // 3. Same-scene queries at the index's real size, then filled with distractors.
        Map<String, UnaryOperator<LumaImage>> edits = edits();
        List<Query> queries = queries(photos, features, pairs, edits, distinct);
        for (int i = 0; i < indexed.size(); i++) {
            System.out.printf("  picture %d: %s%n", i, indexed.get(i).getFileName());
        }
        report("queries, " + index.size() + " pictures indexed", index, queries);
        fillWithDistractors(index, fill, threads, new Random(7));
        report("queries, " + index.size() + " pictures indexed", index, queries);
        System.out.printf("index memory: %.0f MB (estimate)%n", index.memoryBytes() / 1e6);
    }

    /**
     * What scene features add to triage, one thread: each photo as a JPEG of 1224x816 (the size of
     * build-photo-sets.sh's small set, quality 90), hashed as triage hashes it ({@code MediaHasher}: crypto
     * hashes, metadata, decoding, PDQ), then its 300 scene features extracted from the decoded luma, as
     * triage does (Triage.SCENE_FEATURES). Best of three passes each.
     */
    private static void triageCost(List<LumaImage> decoded) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        for (LumaImage l : decoded) {
            LumaImage small = Scenes.scaled(l, Math.min(1224.0 / l.width(), 816.0 / l.height()));
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(small.width(), small.height(),
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < small.height(); y++) {
                for (int x = 0; x < small.width(); x++) {
                    image.getRaster().setSample(x, y, 0, Math.clamp(Math.round(small.at(x, y)), 0, 255));
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "jpeg", out);
            jpegs.add(out.toByteArray());
        }
        org.ariadne.hashing.MediaHasher hasher = new org.ariadne.hashing.MediaHasher(org.ariadne.media.DecodeLimits.DEFAULT);
        SceneExtractor triageExtractor = new SceneExtractor(Vocabulary.standard(), 300);
        double bestHash = Double.MAX_VALUE;
        double bestScene = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long hashing = 0;
            long scenes = 0;
            for (byte[] jpeg : jpegs) {
                LumaImage[] luma = new LumaImage[1];
                long t0 = System.nanoTime();
                hasher.hash("photo.jpg", jpeg, jpeg.length, l -> luma[0] = l);
                long t1 = System.nanoTime();
                triageExtractor.extract(luma[0]);
                long t2 = System.nanoTime();
                hashing += t1 - t0;
                scenes += t2 - t1;
            }
            bestHash = Math.min(bestHash, hashing / 1e6 / jpegs.size());
            bestScene = Math.min(bestScene, scenes / 1e6 / jpegs.size());
        }
        System.out.printf("triage cost, one thread, %d JPEGs of about 1224x816: hashing %.1f ms a photo, scene features %.1f ms"
                + " (+%.0f %%)%n", jpegs.size(), bestHash, bestScene, 100 * bestScene / bestHash);
    }

    /** A query and the id of the picture it should find first. */
    record Query(String name, SceneQuery query, int expected) {
    }

    private static Map<String, UnaryOperator<LumaImage>> edits() {
        Map<String, UnaryOperator<LumaImage>> edits = new LinkedHashMap<>();
        edits.put("crop 70%", l -> Scenes.crop(l, l.width() / 10, l.height() / 10, l.width() * 84 / 100, l.height() * 84 / 100));
        edits.put("crop 50%", l -> Scenes.crop(l, l.width() / 4, l.height() / 8, l.width() * 7 / 10, l.height() * 7 / 10));
        edits.put("perspective", l -> Scenes.perspective(l, new float[] {0.12f, 0.05f, 0.08f, 0.1f, 0.05f, 0.08f, 0.1f, 0.04f}));
        edits.put("lighting", l -> Scenes.lighting(l, 0.6, 40, 1.4));
        edits.put("occlusion", l -> Scenes.occluded(l, 5, 3));
        edits.put("mirror", Scenes::mirror);
        edits.put("half size", l -> Scenes.scaled(l, 0.5));
        return edits;
    }

    /**
     * The edited photos' queries, then the real pairs'. Photos with fewer than {@link #FEW_FEATURES}
     * features (smooth gradients, abstract art: listed above) are no scene anyone could recognise by its
     * corners, and are left out of the queries.
     */
    private static List<Query> queries(List<Path> photos, List<SceneFeatures> features, List<String[]> pairs,
                                       Map<String, UnaryOperator<LumaImage>> edits, int distinct) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (int id = 0; id < photos.size(); id++) {
            LumaImage photo = features.get(id).count() < FEW_FEATURES ? null : decode(photos.get(id));
            if (photo == null) {
                continue;
            }
            LumaImage small = Scenes.scaled(photo, Math.min(1.0, 1280.0 / Math.max(photo.width(), photo.height())));
            for (var edit : edits.entrySet()) {
                LumaImage view = edit.getValue().apply(small);
                queries.add(new Query(edit.getKey(), SceneQuery.of(EXTRACTOR, view, Region.whole(view.width(), view.height())), id));
            }
        }
        for (int p = 0; p < pairs.size(); p++) {
            LumaImage view = decode(Path.of(pairs.get(p)[0]));
            queries.add(new Query("real pair " + Path.of(pairs.get(p)[0]).getFileName(),
                    SceneQuery.of(EXTRACTOR, view, Region.whole(view.width(), view.height())), distinct + p));
        }
        return queries;
    }

    private static void report(String title, SceneIndex index, List<Query> queries) {
        Map<String, int[]> byKind = new LinkedHashMap<>(); // queries, first right, anything wrong found
        long[] times = new long[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            Query query = queries.get(q);
            long start = System.nanoTime();
            List<SceneMatch> found = index.find(query.query(), 10);
            times[q] = System.nanoTime() - start;
            int[] counts = byKind.computeIfAbsent(query.name(), k -> new int[4]);
            counts[0]++;
            counts[3] += found.isEmpty() ? 0 : 1;
            counts[1] += !found.isEmpty() && found.getFirst().id() == query.expected() ? 1 : 0;
            List<SceneMatch> wrongOnes = found.stream().filter(m -> m.id() != query.expected()).toList();
            counts[2] += wrongOnes.isEmpty() ? 0 : 1;
            for (SceneMatch m : wrongOnes) {
                System.out.printf("  %s of picture %d also found picture %d (%d agreeing)%n", query.name(), query.expected(), m.id(), m.inliers());
            }
        }
        int all = 0;
        int right = 0;
        int wrong = 0;
        int answered = 0;
        System.out.println(title + ":");
        for (var e : byKind.entrySet()) {
            int[] c = e.getValue();
            all += c[0];
            right += c[1];
            wrong += c[2];
            answered += c[3];
            System.out.printf("  %-28s %4d queries, answered %4d, right first %4d (%.3f), a wrong picture among the results %d%n",
                    e.getKey(), c[0], c[3], c[1], (double) c[1] / c[0], c[2]);
        }
        Arrays.sort(times);
        System.out.printf("  all: %d queries, %d answered; precision at rank 1 %.3f of all queries, %.3f of those answered;"
                + " queries with a false link %d (%.2f %%)%n",
                all, answered, (double) right / all, (double) right / answered, wrong, 100.0 * wrong / all);
        System.out.printf("  query time (mirror included, features given): median %.1f ms, 95th %.1f ms, max %.1f ms%n",
                times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6, times[times.length - 1] / 1e6);
    }

    /** Generated rooms whose features make the distractors. */
    private static final int DISTRACTOR_ROOMS = 1500;

    /**
     * Distractors: each mixes the features (word, place, orientation and size together) of a random third
     * of each of three generated rooms ({@link Scenes#room}, {@value #DISTRACTOR_ROOMS} seeds), so that no
     * two are alike, word statistics are those of real extractions, and none shows a benchmark photo
     * (extracting 100,000 distinct pictures would take the best part of an hour on this machine).
     */
    private static void fillWithDistractors(SceneIndex index, int target, int threads, Random random) throws Exception {
        List<SceneFeatures> rooms = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SceneFeatures>> done = new ArrayList<>();
            for (int seed = 0; seed < DISTRACTOR_ROOMS; seed++) {
                long s = 1_000_000L + seed;
                done.add(pool.submit(() -> EXTRACTOR.extract(Scenes.luma(Scenes.room(640, 480, s)))));
            }
            for (Future<SceneFeatures> f : done) {
                rooms.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<SceneFeatures> batch = new ArrayList<>();
        while (index.size() + batch.size() < target) {
            int capacity = 3 * SceneExtractor.MAX_FEATURES;
            int[] words = new int[capacity];
            float[] x = new float[capacity];
            float[] y = new float[capacity];
            float[] angles = new float[capacity];
            float[] sizes = new float[capacity];
            int kept = 0;
            for (int r = 0; r < 3; r++) {
                SceneFeatures room = rooms.get(random.nextInt(rooms.size()));
                for (int i = 0; i < room.count(); i++) {
                    if (random.nextInt(3) == 0) {
                        words[kept] = room.word(i);
                        x[kept] = room.x(i);
                        y[kept] = room.y(i);
                        angles[kept] = room.angle(i) * 360f / 256;
                        sizes[kept] = (float) Math.pow(2, room.scale(i) / 8.0);
                        kept++;
                    }
                }
            }
            batch.add(SceneFeatures.of(Vocabulary.standard().id(), 640, 480, Arrays.copyOf(words, kept), Arrays.copyOf(x, kept),
                    Arrays.copyOf(y, kept), Arrays.copyOf(angles, kept), Arrays.copyOf(sizes, kept)));
            if (batch.size() == 10_000) {
                index.addAll(batch);
                batch.clear();
            }
        }
        index.addAll(batch);
    }

    private static List<SceneFeatures> extractAll(List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SceneFeatures>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    LumaImage luma = decode(file);
                    return luma == null ? EXTRACTOR.extract(new LumaImage(1, 1, new float[1])) : EXTRACTOR.extract(luma);
                }));
            }
            List<SceneFeatures> out = new ArrayList<>();
            for (Future<SceneFeatures> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static LumaImage decode(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        try {
            DecodedImage image = DECODER.decode(data, data.length, Orientation.NORMAL);
            return image.luma();
        } catch (UndecodableMediaException e) {
            System.out.println(file + ": " + e.getMessage());
            return null;
        }
    }
}
