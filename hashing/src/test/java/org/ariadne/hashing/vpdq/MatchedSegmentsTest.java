package org.ariadne.hashing.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ariadne.hashing.pdq.PdqHash;
import org.junit.jupiter.api.Test;

class MatchedSegmentsTest {

    private final MatchedSegments segments = new MatchedSegments(VpdqComparison.PUBLISHED);
    private final Random random = new Random(7);

    @Test
    void aClipInsideALongerVideoIsFoundAtItsPlaceInBoth() {
        List<PdqHash> known = scenes(20);
        List<PdqHash> query = new ArrayList<>(scenes(3)); // 3 s of other material
        query.addAll(known.subList(5, 12)); // then known seconds 5 to 11

        List<MatchedSegment> found = segments.between(video(query), video(known));

        assertThat(found).containsExactly(new MatchedSegment(3, 9, 5, 11, 7));
    }

    @Test
    void twoPiecesOfTheKnownVideoInAnotherOrderAreTwoSegments() {
        List<PdqHash> known = scenes(20);
        List<PdqHash> query = new ArrayList<>(known.subList(12, 16)); // known 12-15 first
        query.addAll(scenes(5));
        query.addAll(known.subList(2, 6)); // then known 2-5

        List<MatchedSegment> found = segments.between(video(query), video(known));

        assertThat(found).containsExactly(new MatchedSegment(0, 3, 12, 15, 4), new MatchedSegment(9, 12, 2, 5, 4));
    }

    @Test
    void aStillSceneHeldLongerIsOneSegment() {
        // The known video holds each scene for 3 s; the query, re-cut, for 2 s.
        List<PdqHash> scenes = scenes(4);
        List<PdqHash> known = new ArrayList<>();
        List<PdqHash> query = new ArrayList<>();
        for (PdqHash scene : scenes) {
            known.addAll(List.of(scene, scene, scene));
            query.addAll(List.of(scene, scene));
        }

        List<MatchedSegment> found = segments.between(video(query), video(known));

        assertThat(found).hasSize(1);
        assertThat(found.getFirst().queryStart()).isZero();
        assertThat(found.getFirst().queryEnd()).isEqualTo(7.0);
    }

    @Test
    void unrelatedVideosHaveNoSegment() {
        assertThat(segments.between(video(scenes(10)), video(scenes(10)))).isEmpty();
    }

    private List<PdqHash> scenes(int count) {
        List<PdqHash> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        return hashes;
    }

    /** One frame a second. */
    private static VpdqHash video(List<PdqHash> frames) {
        List<VpdqFeature> features = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            features.add(new VpdqFeature(i * 30, frames.get(i), 100, i));
        }
        return new VpdqHash(features);
    }
}
