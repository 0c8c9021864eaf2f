package org.ariadne.hashing.vpdq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where two videos match: the time ranges of the query that show time ranges of the known video.
 *
 * <p>Each useful query frame (quality 50 or more) is paired with its nearest known frames within the
 * frame distance. Pairs then chain into a segment while the query moves on in time and the known video
 * keeps in step with it (the same offset between the two times, give or take a sampling step), with
 * short gaps allowed for frames too blank to hash well. A still scene matches many known frames; each
 * of them starts a chain, and a chain that another, longer one covers in the query is dropped.
 */
public final class MatchedSegments {

    /**
     * Offsets may drift by a second: a frame sampled at 1 per second can land up to half a second off
     * on either side of the known one.
     */
    static final double MAX_OFFSET_DRIFT_SECONDS = 1.0;

    /** A segment survives three seconds without a matching frame (a fade, a flash, a low-quality frame). */
    static final double MAX_GAP_SECONDS = 3.0;

    /** Pairs kept for one query frame: a still scene would otherwise pair it with every known frame. */
    static final int MAX_PAIRS_PER_FRAME = 4;

    private final VpdqComparison comparison;

    public MatchedSegments(VpdqComparison comparison) {
        this.comparison = comparison;
    }

    /** The matched segments, in order of the query's time; overlapping chains are merged. */
    public List<MatchedSegment> between(VpdqHash query, VpdqHash known) {
        List<VpdqFeature> knownFrames = useful(known);
        List<Chain> open = new ArrayList<>();
        List<Chain> closed = new ArrayList<>();
        for (VpdqFeature q : useful(query)) {
            List<VpdqFeature> nearest = nearest(q, knownFrames);
            closeStale(open, closed, q.timestampSeconds());
            for (VpdqFeature k : nearest) {
                Chain chain = findChain(open, q.timestampSeconds(), k.timestampSeconds());
                if (chain == null) {
                    open.add(new Chain(q.timestampSeconds(), k.timestampSeconds()));
                } else {
                    chain.extend(q.timestampSeconds(), k.timestampSeconds());
                }
            }
        }
        closed.addAll(open);
        return merge(closed);
    }

    private List<VpdqFeature> useful(VpdqHash video) {
        List<VpdqFeature> frames = new ArrayList<>();
        for (VpdqFeature f : video.features()) {
            if (f.quality() >= comparison.minQuality()) {
                frames.add(f);
            }
        }
        frames.sort(Comparator.comparingDouble(VpdqFeature::timestampSeconds));
        return frames;
    }

    /** The known frames nearest to the query frame within the frame distance, the closest distance first. */
    private List<VpdqFeature> nearest(VpdqFeature q, List<VpdqFeature> knownFrames) {
        List<VpdqFeature> within = new ArrayList<>();
        for (VpdqFeature k : knownFrames) {
            if (q.hash().distance(k.hash()) <= comparison.frameDistance()) {
                within.add(k);
            }
        }
        within.sort(Comparator.comparingInt((VpdqFeature k) -> q.hash().distance(k.hash()))
                .thenComparingDouble(VpdqFeature::timestampSeconds));
        return within.size() <= MAX_PAIRS_PER_FRAME ? within : within.subList(0, MAX_PAIRS_PER_FRAME);
    }

    private static void closeStale(List<Chain> open, List<Chain> closed, double queryTime) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (queryTime - open.get(i).queryEnd > MAX_GAP_SECONDS) {
                closed.add(open.remove(i));
            }
        }
    }

    private static Chain findChain(List<Chain> open, double queryTime, double knownTime) {
        Chain best = null;
        double bestDrift = Double.MAX_VALUE;
        for (Chain c : open) {
            double drift = Math.abs((knownTime - queryTime) - c.offset());
            if (drift <= MAX_OFFSET_DRIFT_SECONDS && knownTime >= c.knownEnd - MAX_OFFSET_DRIFT_SECONDS && drift < bestDrift) {
                best = c;
                bestDrift = drift;
            }
        }
        return best;
    }

    /** Chains as segments, those that overlap in both videos merged, in order of query time. */
    private static List<MatchedSegment> merge(List<Chain> chains) {
        chains.sort(Comparator.comparingDouble((Chain c) -> c.queryStart).thenComparingDouble(c -> c.knownStart));
        List<MatchedSegment> segments = new ArrayList<>();
        Chain current = null;
        for (Chain c : chains) {
            if (current != null && c.queryStart <= current.queryEnd + MAX_OFFSET_DRIFT_SECONDS
                    && Math.abs(c.offset() - current.offset()) <= MAX_OFFSET_DRIFT_SECONDS) {
                current.absorb(c);
            } else {
                if (current != null) {
                    segments.add(current.segment());
                }
                current = c;
            }
        }
        if (current != null) {
            segments.add(current.segment());
        }
        return withoutCovered(segments);
    }

    private static List<MatchedSegment> withoutCovered(List<MatchedSegment> segments) {
        List<MatchedSegment> kept = new ArrayList<>();
        for (MatchedSegment s : segments) {
            boolean covered = false;
            for (MatchedSegment t : segments) {
                covered |= t != s && t.frames() > s.frames()
                        && t.queryStart() <= s.queryStart() && s.queryEnd() <= t.queryEnd();
            }
            if (!covered) {
                kept.add(s);
            }
        }
        return kept;
    }

    /** A growing run of pairs that keep in step. */
    private static final class Chain {
        double queryStart;
        double queryEnd;
        double knownStart;
        double knownEnd;
        double lastQuery = Double.NaN;
        int frames;

        Chain(double queryTime, double knownTime) {
            queryStart = queryEnd = queryTime;
            knownStart = knownEnd = knownTime;
            lastQuery = queryTime;
            frames = 1;
        }

        /** The offset of the known video against the query where the chain last stood. */
        double offset() {
            return knownEnd - queryEnd;
        }

        void extend(double queryTime, double knownTime) {
            if (queryTime != lastQuery) {
                frames++;
                lastQuery = queryTime;
            }
            queryEnd = Math.max(queryEnd, queryTime);
            knownStart = Math.min(knownStart, knownTime);
            knownEnd = Math.max(knownEnd, knownTime);
        }

        void absorb(Chain other) {
            queryStart = Math.min(queryStart, other.queryStart);
            queryEnd = Math.max(queryEnd, other.queryEnd);
            knownStart = Math.min(knownStart, other.knownStart);
            knownEnd = Math.max(knownEnd, other.knownEnd);
            frames = Math.max(frames, other.frames);
        }

        MatchedSegment segment() {
            return new MatchedSegment(queryStart, queryEnd, knownStart, knownEnd, frames);
        }
    }
}
