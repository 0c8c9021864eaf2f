package org.ariadne.index.vpdq;

import java.util.List;
import org.ariadne.hashing.vpdq.MatchedSegment;
import org.ariadne.hashing.vpdq.VpdqComparison;

/**
 * A known video that shares frames with the query.
 *
 * @param video its id in the index
 * @param comparison the published comparison (shares of frames found each way, and the decision)
 * @param segments where it lies in the query, in order of the query's time
 */
public record VideoMatch(int video, VpdqComparison.Result comparison, List<MatchedSegment> segments) {

    public VideoMatch {
        segments = List.copyOf(segments);
    }

    public boolean isMatch() {
        return comparison.isMatch();
    }
}
