package org.ariadne.hashing.vpdq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.pdq.PdqSignalType;

/**
 * vPDQ's comparison of two videos, as published: each video is an unordered bag of distinct frame hashes
 * of useful quality; the result is the share of the query's frames found in the compared video and the
 * share of the compared video's frames found in the query. Frame numbers and times play no part (see
 * {@link MatchedSegments} for where the matches lie).
 *
 * @param frameDistance two frames match when their PDQ hashes are at most this far apart
 * @param minQuality frames of lower quality are left out of both videos
 * @param comparedMatchPercent the compared (known) video matches when at least this share of its
 *     frames is found in the query
 * @param queryMatchPercent ... and at least this share of the query's frames is found in it
 */
public record VpdqComparison(int frameDistance, int minQuality, double comparedMatchPercent, double queryMatchPercent) {

    /** PDQ's own match distance: the frames of a re-encoded video stay within it. */
    public static final int FRAME_DISTANCE = PdqSignalType.MATCH_DISTANCE;

    /** PDQ's quality filter: blank and blurred frames (fades, black frames) would match anything. */
    public static final int MIN_QUALITY = PdqSignalType.MIN_USEFUL_QUALITY;

    /** Most of the known video must be seen in the query: the publishers' 80 %. */
    public static final double COMPARED_MATCH_PERCENT = 80;

    /**
     * 0 %: the query may hold any amount of other material (a known video inside a longer compilation
     * still matches). Raise it to exclude padded queries.
     */
    public static final double QUERY_MATCH_PERCENT = 0;

    /** The published parameters. */
    public static final VpdqComparison PUBLISHED =
            new VpdqComparison(FRAME_DISTANCE, MIN_QUALITY, COMPARED_MATCH_PERCENT, QUERY_MATCH_PERCENT);

    /** The outcome of comparing a query with a compared video. */
    public record Result(double queryMatchPercent, double comparedMatchPercent, boolean isMatch) {
    }

    /** Compares a query video with a compared (known) one. Not symmetric: the thresholds differ. */
    public Result compare(VpdqHash query, VpdqHash compared) {
        List<PdqHash> q = usefulDistinct(query);
        List<PdqHash> c = usefulDistinct(compared);
        double queryPercent = percentFound(q, c);
        double comparedPercent = percentFound(c, q);
        boolean match = !q.isEmpty() && !c.isEmpty()
                && comparedPercent >= comparedMatchPercent && queryPercent >= queryMatchPercent;
        return new Result(queryPercent, comparedPercent, match);
    }

    private List<PdqHash> usefulDistinct(VpdqHash video) {
        Set<PdqHash> distinct = new LinkedHashSet<>();
        for (VpdqFeature f : video.features()) {
            if (f.quality() >= minQuality) {
                distinct.add(f.hash());
            }
        }
        return new ArrayList<>(distinct);
    }

    /** The share of {@code these} hashes that have a match among {@code those}, in percent. */
    private double percentFound(List<PdqHash> these, List<PdqHash> those) {
        if (these.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (PdqHash h : these) {
            for (PdqHash other : those) {
                if (h.distance(other) <= frameDistance) {
                    found++;
                    break;
                }
            }
        }
        return found * 100.0 / these.size();
    }
}
