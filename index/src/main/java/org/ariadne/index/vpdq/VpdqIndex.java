package org.ariadne.index.vpdq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.vpdq.MatchedSegments;
import org.ariadne.hashing.vpdq.VpdqComparison;
import org.ariadne.hashing.vpdq.VpdqFeature;
import org.ariadne.hashing.vpdq.VpdqHash;
import org.ariadne.index.Match;
import org.ariadne.index.pdq.PdqIndex;

/**
 * Known videos, their frames in the PDQ multi-index. A query's frames find the candidate videos, which
 * alone are compared in full. Videos get dense ids from 0 in the order they are added.
 *
 * <p>Adding is for one thread; searches may run from many threads once adding is done.
 */
public final class VpdqIndex {

    private final VpdqComparison comparison;
    private final MatchedSegments segments;
    private final PdqIndex frames = new PdqIndex();
    private final List<VpdqHash> videos = new ArrayList<>();
    /** For each frame in the PDQ index: its video, and its place in that video's features. */
    private int[] frameVideo = new int[1024];
    private int[] frameFeature = new int[1024];

    public VpdqIndex(VpdqComparison comparison) {
        this.comparison = comparison;
        this.segments = new MatchedSegments(comparison);
    }

    /** Adds a known video and returns its id. */
    public int add(VpdqHash video) {
        int id = videos.size();
        videos.add(video);
        Set<PdqHash> seen = new LinkedHashSet<>();
        List<VpdqFeature> features = video.features();
        for (int i = 0; i < features.size(); i++) {
            VpdqFeature f = features.get(i);
            // Only frames that can match are indexed, and each distinct hash once: a still scene is one entry.
            if (f.quality() >= comparison.minQuality() && seen.add(f.hash())) {
                int frame = frames.add(f.hash());
                if (frame >= frameVideo.length) {
                    frameVideo = Arrays.copyOf(frameVideo, frameVideo.length * 2);
                    frameFeature = Arrays.copyOf(frameFeature, frameFeature.length * 2);
                }
                frameVideo[frame] = id;
                frameFeature[frame] = i;
            }
        }
        return id;
    }

    public VpdqHash get(int video) {
        return videos.get(video);
    }

    /** Number of videos. */
    public int size() {
        return videos.size();
    }

    /** Number of frames indexed (distinct useful frames over all videos). */
    public int frameCount() {
        return frames.size();
    }

    /**
     * The known videos that share at least one frame with the query, each compared in full, matches
     * first, then by the share of the known video found.
     */
    public List<VideoMatch> search(VpdqHash query) {
        Set<Integer> candidates = new TreeSet<>();
        List<PdqHash> useful = new ArrayList<>();
        for (VpdqFeature f : query.features()) {
            if (f.quality() >= comparison.minQuality()) {
                useful.add(f.hash());
            }
        }
        frames.searchAll(useful, comparison.frameDistance(), (q, found) -> {
            for (Match m : found) {
                candidates.add(frameVideo[m.id()]);
            }
        });
        List<VideoMatch> results = new ArrayList<>(candidates.size());
        for (int video : candidates) {
            VpdqHash known = videos.get(video);
            results.add(new VideoMatch(video, comparison.compare(query, known), segments.between(query, known)));
        }
        results.sort(Comparator.comparing((VideoMatch m) -> !m.isMatch())
                .thenComparing(m -> -m.comparison().comparedMatchPercent())
                .thenComparingInt(VideoMatch::video));
        return results;
    }

    /** The known video frames within {@code maxDistance} of a picture's hash, nearest first. */
    public List<FrameMatch> framesNear(PdqHash picture, int maxDistance) {
        List<FrameMatch> found = new ArrayList<>();
        for (Match m : frames.search(picture, maxDistance)) {
            int video = frameVideo[m.id()];
            found.add(new FrameMatch(video, videos.get(video).features().get(frameFeature[m.id()]), m.distance()));
        }
        return found;
    }
}
