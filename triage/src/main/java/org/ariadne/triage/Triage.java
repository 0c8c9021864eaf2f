package org.ariadne.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ariadne.hashing.MediaHasher;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.metadata.MediaMetadata;
import org.ariadne.hashing.pdq.Dihedral;
import org.ariadne.hashing.pdq.PdqResult;
import org.ariadne.hashing.pdq.PdqSignalType;
import org.ariadne.hashsets.KnownHashes;
import org.ariadne.media.DecodeLimits;
import org.ariadne.media.video.FrameSampling;
import org.ariadne.media.video.VideoLimits;
import org.ariadne.media.LumaImage;
import org.ariadne.scene.SceneExtractor;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.Vocabulary;
import org.ariadne.triage.report.Reports;
import org.ariadne.triage.report.RunFacts;
import org.ariadne.triage.source.SourceItem;
import org.ariadne.triage.source.SourceLimits;
import org.ariadne.triage.source.Sources;

/**
 * One triage run: walks the sources (folders and archives), hashes every item on worker threads,
 * matches it against the known hashes, journals one record per item in source order, then writes the
 * summary, the HTML report and the contribution from the journal.
 */
public final class Triage {

    /** Items queued ahead of the journal per thread: enough to keep workers busy, bounded in memory. */
    private static final int QUEUE_PER_THREAD = 4;
    /** Archive members held in memory while they wait for a worker, at most (a few large members). */
    private static final long MAX_QUEUED_BYTES = 512L << 20;
    /**
     * From this many PDQ entries on, files are matched in batches: at 10 million references a search
     * alone costs about three times what it costs in a batch of ten thousand (measured on this project's
     * 2-core machine, real-photo queries); against small sets, matching at once keeps the journal current.
     */
    static final int BATCH_FROM_PDQ_ENTRIES = 1_000_000;

    /**
     * Scene features kept per picture in triage: fewer than an index keeps (500), since the report only
     * groups pictures of one seized device, and each costs 16 characters in report.jsonl (300: 4.8 KB).
     */
    static final int SCENE_FEATURES = 300;
    /** Files a thread matches together: eight searches each, 8,192 in all, where the batch search pays off. */
    static final int FILES_PER_PART = 1024;

    /**
     * What to triage and how.
     *
     * @param hashSets the hash-set files loaded (recorded so that a resumed run is the same run)
     * @param radius PDQ match distance, 0-256
     * @param thumbnails whether unknown images get thumbnails in the HTML report
     * @param resume finish the run journalled in {@code out} instead of starting one
     * @param videoSampling how many frames of each video are hashed and matched
     * @param sceneGroups whether decoded pictures get scene features, so that the report groups unknown
     *     pictures of one scene: off by default, since extracting them costs more than hashing a small photo
     *     (bench/RESULTS.md, scene-bench.sh: 12 ms against 4.7 ms a 1224x816 JPEG on one core)
     */
    public record Options(List<Path> sources, List<Path> hashSets, Path out, int radius, int threads,
                          boolean thumbnails, boolean resume, DecodeLimits decodeLimits, SourceLimits sourceLimits,
                          FrameSampling videoSampling, boolean sceneGroups) {
        public Options {
            sources = List.copyOf(sources);
            hashSets = List.copyOf(hashSets);
        }

        /** Videos at one frame a second. */
        public Options(List<Path> sources, List<Path> hashSets, Path out, int radius, int threads, boolean thumbnails,
                boolean resume, DecodeLimits decodeLimits, SourceLimits sourceLimits) {
            this(sources, hashSets, out, radius, threads, thumbnails, resume, decodeLimits, sourceLimits,
                    FrameSampling.DEFAULT, false);
        }

        /** Videos at one frame a second, scene groups as asked. */
        public Options(List<Path> sources, List<Path> hashSets, Path out, int radius, int threads, boolean thumbnails,
                boolean resume, DecodeLimits decodeLimits, SourceLimits sourceLimits, boolean sceneGroups) {
            this(sources, hashSets, out, radius, threads, thumbnails, resume, decodeLimits, sourceLimits,
                    FrameSampling.DEFAULT, sceneGroups);
        }
    }

    /** Told of progress, on the calling thread. */
    public interface Progress {
        /** How many items there are to triage, as far as known (archives are counted as they open). */
        void total(int items);

        /** One more item done (triaged now, or found done by the run being resumed). */
        void step(long bytes);
    }

    /** What a run did. */
    public record Outcome(int records, int triaged, int resumed, double seconds) {
    }

    private final KnownHashes known;
    private final List<KnownHashes.Loaded> loaded;
    private final Options options;
    final Matcher matcher;
    private final MediaHasher hasher;
    /** Only when scene groups are asked for: the vocabulary is read and checked on first use. */
    private final SceneExtractor scenes;
    private final Thumbnails thumbnails;
    /** {@link #BATCH_FROM_PDQ_ENTRIES}, lowered by tests to run the batched path on small sets. */
    int batchFromPdqEntries = BATCH_FROM_PDQ_ENTRIES;

    public Triage(KnownHashes known, List<KnownHashes.Loaded> loaded, Options options) {
        this.known = known;
        this.loaded = List.copyOf(loaded);
        this.options = options;
        this.matcher = new Matcher(known, options.radius());
        this.hasher = new MediaHasher(options.decodeLimits(), VideoLimits.DEFAULT, options.videoSampling());
        this.scenes = options.sceneGroups() ? new SceneExtractor(Vocabulary.standard(), SCENE_FEATURES) : null;
        this.thumbnails = options.thumbnails() ? new Thumbnails(options.out()) : null;
    }

    public Outcome run(Progress progress) throws IOException {
        List<String> missing = Sources.missing(options.sources());
        if (!missing.isEmpty()) {
            throw new TriageException(String.join("; ", missing));
        }
        long start = System.nanoTime();
        Path out = options.out();
        Files.createDirectories(out);
        var manifest = RunManifest.of(options.sources(), options.hashSets(), options.radius());
        Journal journal;
        if (options.resume()) {
            RunManifest.checkSame(out, manifest);
            journal = Journal.resume(out);
        } else if (Files.exists(out.resolve(Journal.FILE))) {
            throw new TriageException(out + " already holds a triage report: add --resume to finish that run,"
                    + " or choose another --out");
        } else {
            journal = Journal.create(out);
        }
        RunManifest.write(out, manifest);

        Counter counter = new Counter(progress, countFiles(options.sources()));
        int[] triaged;
        Path spool = Files.createTempDirectory(out, ".spool-");
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(),
                Thread.ofPlatform().daemon().name("triage-", 0).factory());
        try (journal) {
            triaged = walk(new Sources(options.sourceLimits(), spool), journal, pool, counter);
        } finally {
            pool.shutdownNow();
            deleteTree(spool);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TriageRecord> records = Journal.read(out);
        Reports.writeAll(out, records, new RunFacts(loaded, known.conflicts(), options.radius(), seconds, triaged[0],
                triaged[1], journal.resumed(), options.thumbnails()));
        return new Outcome(records.size(), triaged[0], journal.resumed(), seconds);
    }

    /** A hashed item waiting for its matches; {@code finished} when it was matched at once. */
    private record Hashed(String name, long size, MediaRecord media, String refusal, Thumbnails.Reduced thumbnail,
                          SceneFeatures scene, TriageRecord finished) {
    }

    /**
     * Hashes items on the pool and journals them in source order; returns how many were triaged, and of
     * them images. Against a large PDQ index, hashed files wait in a batch and are matched together
     * ({@link Matcher#matchAll}), a part of the batch per thread: one search at a time would cost more
     * than the hashing.
     */
    private int[] walk(Sources sources, Journal journal, ExecutorService pool, Counter counter) {
        record Pending(Future<Hashed> hashed, long bytes) {
        }
        boolean batched = known.pdqCount() >= batchFromPdqEntries;
        int batchFiles = options.threads() * FILES_PER_PART;
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        List<Hashed> batch = new ArrayList<>();
        long[] queuedBytes = {0};
        int[] triaged = {0, 0};
        Consumer<TriageRecord> write = record -> {
            journal.write(record);
            triaged[0]++;
            triaged[1] += record.pdq() == null ? 0 : 1;
            counter.step(Math.max(0, record.size()));
        };
        Runnable takeOldest = () -> {
            Pending oldest = pending.remove();
            queuedBytes[0] -= oldest.bytes();
            Hashed hashed = await(oldest.hashed());
            if (hashed.finished() != null) {
                write.accept(hashed.finished());
                return;
            }
            batch.add(hashed);
            if (batch.size() >= batchFiles) {
                matchBatch(batch, pool).forEach(write);
                batch.clear();
            }
        };
        sources.walk(options.sources(), item -> {
            counter.found(item.name());
            if (journal.isDone(item.name())) {
                discard(item);
                counter.step(0);
                return;
            }
            long bytes = item instanceof SourceItem.InMemory m ? m.length() : 0;
            pending.add(new Pending(pool.submit(() -> hash(item, !batched)), bytes));
            queuedBytes[0] += bytes;
            while (pending.size() >= options.threads() * QUEUE_PER_THREAD || queuedBytes[0] > MAX_QUEUED_BYTES) {
                takeOldest.run();
            }
        });
        while (!pending.isEmpty()) {
            takeOldest.run();
        }
        matchBatch(batch, pool).forEach(write);
        return triaged;
    }

    /** Matches a batch, a part per thread, and gives its records back in order. */
    private List<TriageRecord> matchBatch(List<Hashed> batch, ExecutorService pool) {
        List<Future<List<TriageRecord>>> parts = new ArrayList<>();
        // Even parts, one a thread: the last batch of a run is usually short, and must not fall to one thread.
        int partSize = Math.max(1, (batch.size() + options.threads() - 1) / options.threads());
        for (int from = 0; from < batch.size(); from += partSize) {
            List<Hashed> part = List.copyOf(batch.subList(from, Math.min(batch.size(), from + partSize)));
            parts.add(pool.submit(() -> finish(part)));
        }
        List<TriageRecord> records = new ArrayList<>(batch.size());
        for (Future<List<TriageRecord>> part : parts) {
            records.addAll(await(part));
        }
        return records;
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            // hash() catches everything a file can cause; reaching here is a bug or the machine, not a bad file.
            throw new IllegalStateException("a worker failed", e.getCause());
        }
    }

    /** Hashes one item (and matches it at once when {@code matchNow}). Never throws for anything its content can cause. */
    private Hashed hash(SourceItem item, boolean matchNow) {
        AtomicReference<LumaImage> decoded = new AtomicReference<>();
        MediaRecord media;
        try {
            media = switch (item) {
                case SourceItem.Refused r -> null;
                case SourceItem.OnDisk d -> hasher.hash(d.file(), d.name(), decoded::set);
                case SourceItem.InMemory m -> hasher.hash(m.name(), m.data(), m.length(), decoded::set);
            };
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Hashed(item.name(), -1, null, "could not be hashed: " + e, null, null, null);
        } finally {
            discard(item);
        }
        if (media == null) {
            SourceItem.Refused r = (SourceItem.Refused) item;
            return new Hashed(r.name(), r.size(), null, r.reason(), null, null, null);
        }
        Thumbnails.Reduced thumbnail = thumbnails != null && decoded.get() != null ? Thumbnails.reduce(decoded.get()) : null;
        SceneFeatures scene = options.sceneGroups() && decoded.get() != null ? sceneFeatures(decoded.get()) : null;
        Hashed hashed = new Hashed(item.name(), media.size(), media, null, thumbnail, scene, null);
        return matchNow ? new Hashed(item.name(), media.size(), media, null, null, null, finish(List.of(hashed)).getFirst()) : hashed;
    }

    /**
     * The picture's scene features, for grouping unknown pictures of one place in the report; null if
     * extraction fails (a picture ORB cannot read must not cost the file its record).
     */
    private SceneFeatures sceneFeatures(LumaImage luma) {
        try {
            return scenes.extract(luma);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The records of hashed items, matched together. */
    private List<TriageRecord> finish(List<Hashed> items) {
        List<MediaRecord> media = items.stream().map(Hashed::media).filter(Objects::nonNull).toList();
        Iterator<Matcher.Outcome> outcomes = matcher.matchAll(media).iterator();
        List<TriageRecord> records = new ArrayList<>(items.size());
        for (Hashed h : items) {
            records.add(h.media() == null ? refused(h.name(), h.size(), h.refusal()) : record(h, outcomes.next()));
        }
        return records;
    }

    private TriageRecord record(Hashed h, Matcher.Outcome outcome) {
        MediaRecord hashed = h.media();
        String thumbnail = null;
        String sha256 = hashed.fileSignal("sha256");
        boolean unknown = outcome.verdict() == Verdict.UNKNOWN;
        if (thumbnails != null && unknown && h.thumbnail() != null && sha256 != null) {
            thumbnail = thumbnails.save(sha256, h.thumbnail());
        }
        PdqResult pdq = hashed.pdq();
        Map<String, String> transformed = new LinkedHashMap<>();
        if (unknown && pdq != null && pdq.quality() >= PdqSignalType.MIN_USEFUL_QUALITY) {
            for (Dihedral d : Dihedral.values()) {
                if (d != Dihedral.ORIGINAL) {
                    transformed.put(d.name().toLowerCase(Locale.ROOT), pdq.hash(d).hex());
                }
            }
        }
        return new TriageRecord(hashed.path(), hashed.size(), hashed.mediaType(), hashed.fileSignal("md5"),
                hashed.fileSignal("sha1"), sha256, pdq == null ? null : pdq.hash().hex(),
                pdq == null ? null : pdq.quality(), transformed, outcome.verdict(), outcome.matches(),
                hashed.metadata(), thumbnail, hashed.error(),
                unknown && h.scene() != null && h.scene().count() > 0 ? h.scene().text() : null);
    }

    private static TriageRecord refused(String name, long size, String why) {
        return new TriageRecord(name, size, null, null, null, null, null, null, Map.of(), Verdict.ERROR, List.of(),
                MediaMetadata.NONE, null, why, null);
    }

    /** Deletes a spooled archive member once it is hashed (or not needed). */
    private static void discard(SourceItem item) {
        if (item instanceof SourceItem.OnDisk d && d.temporary()) {
            try {
                Files.deleteIfExists(d.file());
            } catch (IOException e) {
                // Left in the spool folder, which is deleted as a whole at the end.
            }
        }
    }

    /** Regular files under the sources: the first estimate of the work, before archives are opened. */
    private static int countFiles(List<Path> sources) {
        int n = 0;
        for (Path source : sources) {
            try (Stream<Path> walk = Files.walk(source)) {
                n += (int) walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count();
            } catch (IOException | UncheckedIOException e) {
                // An unreadable folder is reported by the walk itself; the estimate just stays lower.
            }
        }
        return n;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover spool folder is harmless: it lives inside the output folder and is named as such.
        }
    }

    /**
     * Keeps the progress total honest as archives open: an archive counted as one file becomes its
     * members.
     */
    private static final class Counter {
        private final Progress progress;
        private final Set<String> openedArchives = new HashSet<>();
        private int total;

        Counter(Progress progress, int files) {
            this.progress = progress;
            this.total = files;
            progress.total(files);
        }

        void found(String name) {
            int member = name.indexOf("!/");
            if (member < 0) {
                return;
            }
            total += openedArchives.add(name.substring(0, member)) ? 0 : 1;
            progress.total(total);
        }

        void step(long bytes) {
            progress.step(bytes);
        }
    }
}
