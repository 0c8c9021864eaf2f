package org.ariadne.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.crypto.CryptoAlgorithm;
import org.ariadne.hashing.crypto.CryptoHash;
import org.ariadne.hashing.pdq.Dihedral;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.vpdq.VpdqFeature;
import org.ariadne.hashing.pdq.PdqSignalType;
import org.ariadne.hashsets.HashSetEntry;
import org.ariadne.hashsets.KnownHashes;

/**
 * Gives a hashed file its verdict: exact crypto matches first (the same bytes), then PDQ within the
 * radius for any of the picture's eight rotations and flips (a copy that was re-encoded, resized,
 * rotated or mirrored), or for any frame of a video (a known picture seen in the video: the match says
 * at what time). Thread-safe once the hash sets are loaded.
 */
final class Matcher {

    /** Crypto hashes in the order their matches are listed: the strongest first. */
    private static final List<CryptoAlgorithm> CRYPTO = List.of(CryptoAlgorithm.SHA256, CryptoAlgorithm.SHA1, CryptoAlgorithm.MD5);

    /**
     * Below this many queries a batch search is not worth it (measured at 10 million references: a
     * batch of 1,024 already costs about two thirds of single searches a query).
     */
    static final int MIN_BATCH_QUERIES = 1024;

    /** {@link #MIN_BATCH_QUERIES}, lowered by tests to run the batch search on small sets. */
    int minBatchQueries = MIN_BATCH_QUERIES;

    private final KnownHashes known;
    private final int radius;

    Matcher(KnownHashes known, int radius) {
        this.known = known;
        this.radius = radius;
    }

    record Outcome(Verdict verdict, List<TriageMatch> matches) {
    }

    /**
     * One PDQ search for a file: a rotation or flip of a picture, or a frame of a video (at its time).
     */
    private record Query(PdqHash hash, String transformation, Double frameSeconds) {
    }

    /**
     * The outcomes of many files, in their order. The PDQ searches of all of them (eight per picture,
     * one per distinct useful frame of a video) go to the index as one batch, which costs far less a
     * query than one search at a time.
     */
    List<Outcome> matchAll(List<MediaRecord> files) {
        List<List<Query>> perFile = new ArrayList<>(files.size());
        List<PdqHash> queries = new ArrayList<>();
        for (MediaRecord file : files) {
            List<Query> mine = queries(file);
            perFile.add(mine);
            mine.forEach(q -> queries.add(q.hash()));
        }
        List<List<KnownHashes.Similar>> similar = queries.size() >= minBatchQueries
                ? known.similarAll(queries, radius)
                : queries.stream().map(q -> known.similar(q, radius)).toList();
        List<Outcome> outcomes = new ArrayList<>(files.size());
        int next = 0;
        for (int f = 0; f < files.size(); f++) {
            List<Query> mine = perFile.get(f);
            outcomes.add(outcome(files.get(f), mine, similar.subList(next, next + mine.size())));
            next += mine.size();
        }
        return outcomes;
    }

    /** A picture's eight rotations and flips; a video's frames, each distinct hash once (as PDQ, upright). */
    private static List<Query> queries(MediaRecord file) {
        List<Query> queries = new ArrayList<>();
        if (file.pdq() != null && file.pdq().quality() >= PdqSignalType.MIN_USEFUL_QUALITY) {
            for (Dihedral variant : Dihedral.values()) {
                queries.add(new Query(file.pdq().hash(variant), variant.name().toLowerCase(Locale.ROOT), null));
            }
        } else if (file.video() != null) {
            Set<PdqHash> seen = new HashSet<>();
            for (VpdqFeature frame : file.video().vpdq().features()) {
                if (frame.quality() >= PdqSignalType.MIN_USEFUL_QUALITY && seen.add(frame.hash())) {
                    queries.add(new Query(frame.hash(), null, frame.timestampSeconds()));
                }
            }
        }
        return queries;
    }

    /** Combines a file's exact matches with what its PDQ queries found ({@code found}, in query order). */
    private Outcome outcome(MediaRecord file, List<Query> queries, List<List<KnownHashes.Similar>> found) {
        // One match per hash-set entry: an entry found by SHA-1 and MD5 alike is listed once, by the stronger.
        Map<String, TriageMatch> byEntry = new LinkedHashMap<>();
        for (CryptoAlgorithm algorithm : CRYPTO) {
            String hex = file.fileSignal(algorithm.signalName());
            if (hex == null) {
                continue;
            }
            for (KnownHashes.Known k : known.exact(new CryptoHash(algorithm, hex))) {
                byEntry.putIfAbsent(key(k), match(k, algorithm.signalName(), null, 0, null));
            }
        }
        boolean exact = !byEntry.isEmpty();
        List<TriageMatch> matches = new ArrayList<>(byEntry.values());
        // Nearest query per entry (rotation, or video frame); entries already matched exactly are not listed twice.
        Map<String, TriageMatch> similar = new LinkedHashMap<>();
        for (int v = 0; v < queries.size(); v++) {
            Query query = queries.get(v);
            for (KnownHashes.Similar s : found.get(v)) {
                String key = key(s.known());
                TriageMatch best = similar.get(key);
                if (!byEntry.containsKey(key) && (best == null || s.distance() < best.distance())) {
                    similar.put(key, match(s.known(), PdqSignalType.NAME, query.transformation(), s.distance(),
                            query.frameSeconds()));
                }
            }
        }
        similar.values().stream().sorted(Comparator.comparingInt(TriageMatch::distance)).forEach(matches::add);
        Verdict verdict = exact ? Verdict.KNOWN
                : !matches.isEmpty() ? Verdict.SIMILAR
                : file.error() != null ? Verdict.ERROR
                : Verdict.UNKNOWN;
        return new Outcome(verdict, matches);
    }

    private static String key(KnownHashes.Known k) {
        HashSetEntry e = k.entry();
        return k.hashSet() + "\0" + (e.mediaId() != null ? e.mediaId() : e.location());
    }

    private static TriageMatch match(KnownHashes.Known k, String signal, String transformation, int distance,
            Double frameSeconds) {
        HashSetEntry e = k.entry();
        return new TriageMatch(k.hashSet(), e.mediaId(), e.series(), e.category(), e.victimIdentified(),
                e.offenderIdentified(), signal, transformation, distance, frameSeconds);
    }
}
