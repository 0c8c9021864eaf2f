package org.ariadne.scene.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.ariadne.index.IndexFile;
import org.ariadne.index.IndexFileException;
import org.ariadne.index.Match;
import org.ariadne.index.SignalIndex;
import org.ariadne.scene.SceneComparison;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.SceneSignalType;
import org.ariadne.scene.Verification;

/**
 * Finds the pictures that show a query's scene among many: candidates by their visual words (an inverted
 * index scored by tf-idf, as text search engines score documents), then geometric verification of the
 * best candidates ({@link SceneComparison}); the score is the number of agreeing features.
 *
 * <p>Unlike the hash indexes this one is approximate: only the {@link #CANDIDATES} best-scoring
 * candidates are verified, so a picture that shares too few words with the query to rank among them is
 * not found even if the geometry would agree. {@link #search} answers in the signal's distances.
 *
 * <p>Thread-safe: searches share a read lock, additions and removals take the write lock.
 */
public final class SceneIndex implements SignalIndex<SceneFeatures> {

    /**
     * Candidates a query chosen by their words, of which the {@link #VERIFIED} most promising are verified.
     * A same-scene picture ranks first or among the first few by its words unless it is heavily cropped or
     * occluded. Choosing among more costs little (counting consistent pairs takes microseconds); 150
     * instead of 50 found 3 more of 315 benchmark queries at 100,000 pictures (bench/RESULTS.md).
     */
    public static final int CANDIDATES = 150;

    /**
     * RANSAC runs on at most this many of the candidates a query, those with the most pairs of one word
     * that turn and scale alike ({@link SceneComparison#consistentPairs}, cheap): verification is the
     * costly step, a few milliseconds for an unrelated picture, and a picture of the same scene has far
     * more such pairs than a chance candidate.
     */
    public static final int VERIFIED = 12;

    /**
     * Words that more than this share of the pictures have are skipped when scoring candidates (stop
     * words): they say little about which picture is meant and cost the longest lists. Verification
     * still uses them.
     */
    static final double STOP_WORD_SHARE = 0.05;

    /** Below this many pictures no word is treated as a stop word (in a small set any share is noise). */
    static final int STOP_WORDS_FROM = 1000;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<SceneFeatures> entries = new ArrayList<>();
    private final BitSet removed = new BitSet();
    private final Postings postings = new Postings();
    /** Per picture, the number of distinct words: the length of its word vector, for normalising scores. */
    private int[] distinctWords = new int[1024];
    private int live;
    private int vocabularyId;
    /** Whether {@link #vocabularyId} is set: by the first picture added, or by the file read. */
    private boolean vocabularyKnown;

    @Override
    public String signalName() {
        return SceneSignalType.NAME;
    }

    @Override
    public int add(SceneFeatures value) {
        return addAll(List.of(value));
    }

    @Override
    public int addAll(List<SceneFeatures> values) {
        for (SceneFeatures v : values) {
            Objects.requireNonNull(v, "scene features to index");
        }
        lock.writeLock().lock();
        try {
            for (SceneFeatures v : values) {
                checkVocabulary(v);
            }
            int first = entries.size();
            for (SceneFeatures v : values) {
                int id = entries.size();
                entries.add(v);
                int[] words = distinct(v);
                if (id == distinctWords.length) {
                    distinctWords = Arrays.copyOf(distinctWords, id * 2);
                }
                distinctWords[id] = words.length;
                for (int w : words) {
                    postings.add(w, id);
                }
                live++;
            }
            return first;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void checkVocabulary(SceneFeatures v) {
        if (!vocabularyKnown) {
            vocabularyId = v.vocabularyId();
            vocabularyKnown = true;
        } else if (v.vocabularyId() != vocabularyId) {
            throw new IllegalArgumentException("this index holds words of vocabulary "
                    + Integer.toHexString(vocabularyId) + ", not " + Integer.toHexString(v.vocabularyId()));
        }
    }

    @Override
    public boolean remove(int id) {
        lock.writeLock().lock();
        try {
            if (id < 0 || id >= entries.size() || removed.get(id)) {
                return false;
            }
            removed.set(id);
            live--;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public SceneFeatures get(int id) {
        lock.readLock().lock();
        try {
            return id < 0 || id >= entries.size() || removed.get(id) ? null : entries.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The pictures that show the query's scene (at least {@link SceneComparison#MIN_INLIERS} agreeing
     * features), most agreeing features first, then by id; at most {@code limit}. With a mirrored view in
     * the query, a picture found both ways is listed once, with its better verification.
     */
    public List<SceneMatch> find(SceneQuery query, int limit) {
        return find(query, limit, CANDIDATES, null);
    }

    /** As {@link #find(SceneQuery, int)}, choosing only the best {@code candidates} by their words (cheaper, fewer found). */
    public List<SceneMatch> find(SceneQuery query, int limit, int candidates) {
        return find(query, limit, candidates, null);
    }

    /**
     * As {@link #find(SceneQuery, int)}, among the pictures the admission lets in alone: they are chosen
     * before the candidates are cut to {@link #CANDIDATES} and {@link #VERIFIED}, so that pictures the
     * query may not find never crowd out those it may.
     */
    public List<SceneMatch> find(SceneQuery query, int limit, Admission admission) {
        return find(query, limit, CANDIDATES, Objects.requireNonNull(admission, "admission"));
    }

    /**
     * Which pictures a query may find (those the searching agency may see, say), asked of many at once,
     * best candidates first, so that one database lookup answers for a whole batch.
     */
    @FunctionalInterface
    public interface Admission {
        /** The ids, of those given, that the query may find. */
        Set<Integer> admitted(List<Integer> ids);
    }

    private List<SceneMatch> find(SceneQuery query, int limit, int candidates, Admission admission) {
        Map<Integer, SceneMatch> best = new HashMap<>();
        collect(query.features(), false, candidates, admission, best);
        if (query.mirrored() != null) {
            collect(query.mirrored(), true, candidates, admission, best);
        }
        return best.values().stream()
                .filter(m -> m.verification().sameScene())
                .sorted(Comparator.comparingInt(SceneMatch::inliers).reversed().thenComparingInt(SceneMatch::id))
                .limit(limit)
                .toList();
    }

    private void collect(SceneFeatures features, boolean mirrored, int candidates, Admission admission,
                         Map<Integer, SceneMatch> best) {
        for (SceneMatch m : verifiedCandidates(features, mirrored, candidates, admission)) {
            best.merge(m.id(), m, (a, b) -> b.inliers() > a.inliers() ? b : a);
        }
    }

    /**
     * The {@code count} candidates by words, the {@link #VERIFIED} of them with the most consistent pairs
     * verified; every verification that found agreeing features, however few. With an admission, the
     * candidates are the best admitted ones.
     */
    private List<SceneMatch> verifiedCandidates(SceneFeatures query, boolean mirrored, int count, Admission admission) {
        List<Integer> candidates = admission == null ? ranked(query, count) : admitted(query, count, admission);
        List<SceneFeatures> values = new ArrayList<>(candidates.size());
        lock.readLock().lock();
        try {
            for (int id : candidates) {
                values.add(entries.get(id));
            }
        } finally {
            lock.readLock().unlock();
        }
        // Verification needs no lock: entries never change once added.
        record Candidate(int id, SceneFeatures features, int pairs) {
        }
        List<Candidate> promising = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            int pairs = SceneComparison.consistentPairs(query, values.get(i));
            if (pairs >= SceneComparison.MIN_INLIERS) {
                promising.add(new Candidate(candidates.get(i), values.get(i), pairs));
            }
        }
        promising.sort(Comparator.comparingInt(Candidate::pairs).reversed().thenComparingInt(Candidate::id));
        List<SceneMatch> verified = new ArrayList<>();
        for (Candidate c : promising.subList(0, Math.min(VERIFIED, promising.size()))) {
            Verification v = SceneComparison.verify(query, c.features());
            if (v.inliers() > 0) {
                verified.add(new SceneMatch(c.id(), mirrored, v));
            }
        }
        return verified;
    }

    /**
     * Under the read lock: the {@code count} best candidates ({@link #candidates}), or with a negative
     * count every picture that shares a scoring word with the query, best first ({@link #allCandidates});
     * none for an empty index or query.
     */
    private List<Integer> ranked(SceneFeatures query, int count) {
        lock.readLock().lock();
        try {
            if (live == 0 || query.count() == 0) {
                return List.of();
            }
            if (query.vocabularyId() != vocabularyId) {
                throw new IllegalArgumentException("the query's words are of vocabulary " + Integer.toHexString(query.vocabularyId())
                        + ", this index's of " + Integer.toHexString(vocabularyId));
            }
            return count < 0 ? allCandidates(query) : candidates(query, count);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The {@code count} best candidates the admission lets in. It is asked outside the lock (it may ask a
     * database), about the best {@code count}, then about the next four times as many, and so on, until
     * enough were let in: each picture once, in a few batches however many it turns away.
     */
    private List<Integer> admitted(SceneFeatures query, int count, Admission admission) {
        List<Integer> ranked = ranked(query, -1);
        List<Integer> kept = new ArrayList<>(count);
        int batch = count;
        for (int from = 0; from < ranked.size() && kept.size() < count; from += batch, batch = (int) Math.min(1 << 20, 4L * batch)) {
            List<Integer> asked = ranked.subList(from, Math.min(ranked.size(), from + batch));
            Set<Integer> admitted = admission.admitted(asked);
            for (int id : asked) {
                if (kept.size() < count && admitted.contains(id)) {
                    kept.add(id);
                }
            }
        }
        return kept;
    }

    /** The {@code count} live pictures whose words best resemble the query's, by tf-idf cosine. */
    private List<Integer> candidates(SceneFeatures query, int count) {
        float[] scores = scores(query);
        int total = scores.length;
        // The best `count` by normalised score, ties to the lower id: a small array kept sorted, best first.
        count = Math.min(count, total);
        int[] topIds = new int[count];
        float[] topScores = new float[count];
        int found = 0;
        for (int id = 0; id < total; id++) {
            if (scores[id] <= 0 || removed.get(id)) {
                continue;
            }
            float score = normalised(scores, id);
            if (found == count && score <= topScores[count - 1]) {
                continue;
            }
            int at = found == count ? count - 1 : found++;
            while (at > 0 && topScores[at - 1] < score) {
                topScores[at] = topScores[at - 1];
                topIds[at] = topIds[at - 1];
                at--;
            }
            topScores[at] = score;
            topIds[at] = id;
        }
        List<Integer> best = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            best.add(topIds[i]);
        }
        return best;
    }

    /** Every live picture that shares a scoring word with the query, in {@link #candidates}' order. */
    private List<Integer> allCandidates(SceneFeatures query) {
        float[] scores = scores(query);
        // sorted once as longs: the score's bits (positive floats order as their bits), inverted for best
        // first, above the id, for ties to the lower id
        long[] keys = new long[scores.length];
        int n = 0;
        for (int id = 0; id < scores.length; id++) {
            if (scores[id] > 0 && !removed.get(id)) {
                keys[n++] = (long) (Integer.MAX_VALUE - Float.floatToIntBits(normalised(scores, id))) << 32 | id;
            }
        }
        Arrays.sort(keys, 0, n);
        List<Integer> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranked.add((int) keys[i]);
        }
        return ranked;
    }

    /** Each picture's tf-idf score for the query's words (stop words left out), by id; 0 for none shared. */
    private float[] scores(SceneFeatures query) {
        int total = entries.size();
        float[] scores = new float[total];
        int[] words = distinct(query);
        int stopFrequency = total < STOP_WORDS_FROM ? Integer.MAX_VALUE : (int) (total * STOP_WORD_SHARE);
        for (int w : words) {
            int frequency = postings.frequency(w);
            if (frequency == 0 || frequency > stopFrequency) {
                continue;
            }
            // smoothed (total + 1): a word in every picture would otherwise weigh nothing, so that in an
            // index of two pictures of one scene neither would ever find the other
            float idf = (float) Math.log((double) (total + 1) / frequency);
            float weight = idf * idf;
            int[] ids = postings.ids(w);
            for (int i = 0; i < frequency; i++) {
                scores[ids[i]] += weight;
            }
        }
        return scores;
    }

    private float normalised(float[] scores, int id) {
        return scores[id] / (float) Math.sqrt(distinctWords[id]);
    }

    private static int[] distinct(SceneFeatures f) {
        int[] words = new int[f.count()];
        for (int i = 0; i < words.length; i++) {
            words[i] = f.word(i);
        }
        return Arrays.stream(words).sorted().distinct().toArray();
    }

    /**
     * The verified candidates within {@code maxDistance} in the signal's distances
     * ({@link SceneSignalType#distanceOf}); identical pictures at 0.
     */
    @Override
    public List<Match> search(SceneFeatures query, int maxDistance) {
        List<Match> matches = new ArrayList<>();
        for (SceneMatch m : verifiedCandidates(query, false, CANDIDATES, null)) {
            int distance = query.equals(get(m.id())) ? 0 : SceneSignalType.distanceOf(m.inliers());
            if (distance <= maxDistance) {
                matches.add(new Match(m.id(), distance));
            }
        }
        matches.sort(null);
        return matches;
    }

    @Override
    public long memoryBytes() {
        lock.readLock().lock();
        try {
            long bytes = postings.memoryBytes() + 4L * distinctWords.length + 16L * entries.size();
            for (SceneFeatures f : entries) {
                bytes += 64 + 6L * f.count();
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Data block: vocabulary id (u32), entry count (u32), removed count (u32), then each entry as its
     * length (u32) and {@link SceneFeatures#encode}, then the removed ids (u32 each). The inverted index is
     * rebuilt on reading.
     */
    @Override
    public void write(Path file) throws IOException {
        lock.readLock().lock();
        try {
            long length = 12L + 4L * removed.cardinality();
            List<byte[]> encoded = new ArrayList<>(entries.size());
            for (SceneFeatures f : entries) {
                byte[] bytes = f.encode();
                encoded.add(bytes);
                length += 4 + bytes.length;
            }
            ByteBuffer data = IndexFile.dataBuffer(length);
            data.putInt(vocabularyId).putInt(entries.size()).putInt(removed.cardinality());
            for (byte[] bytes : encoded) {
                data.putInt(bytes.length).put(bytes);
            }
            removed.stream().forEach(data::putInt);
            IndexFile.write(file, SceneSignalType.NAME, data.flip());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Loads an index written by {@link #write}. */
    public static SceneIndex read(Path file) throws IOException {
        ByteBuffer data = IndexFile.read(file, SceneSignalType.NAME);
        SceneIndex index = new SceneIndex();
        try {
            int vocabulary = data.getInt();
            int count = data.getInt();
            int removedCount = data.getInt();
            List<SceneFeatures> values = new ArrayList<>(Math.max(0, Math.min(count, data.remaining() / 4)));
            for (int i = 0; i < count; i++) {
                int length = data.getInt();
                if (length < 0 || length > data.remaining()) {
                    throw new IndexFileException(file, "corrupt: entry " + i + " claims " + length + " bytes");
                }
                byte[] bytes = new byte[length];
                data.get(bytes);
                values.add(SceneFeatures.decode(bytes));
            }
            index.vocabularyId = vocabulary;
            index.vocabularyKnown = count > 0;
            index.addAll(values);
            for (int i = 0; i < removedCount; i++) {
                index.remove(data.getInt());
            }
            if (data.hasRemaining()) {
                throw new IndexFileException(file, "corrupt: " + data.remaining() + " bytes after the last entry");
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IndexFileException(file, "corrupt: " + e.getMessage());
        }
        return index;
    }
}
