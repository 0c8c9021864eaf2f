package org.ariadne.hashing.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our vPDQ against the reference C++ implementation's hashes of the sample videos: frame by frame,
 * and in the match decisions they lead to.
 */
class VpdqReferenceTest {

    /** The publishers' tolerance for an implementation with its own decoder: distance 10 at quality 80 and more. */
    private static final int MAX_FRAME_DISTANCE = 10;
    private static final int TRUSTED_QUALITY = 80;
    private static final double MAX_MEAN_DISTANCE = 4;

    @ParameterizedTest
    @ValueSource(strings = {"chair-orig-22-sd-bar", "pattern-hd-no-bar", "doorknob-hd-no-bar", "test-padded-dimensions",
        "chair-22-sd-sepia-bar"})
    void everyFrameLiesWithinTheToleranceOfTheReference(String name) {
        List<VpdqFeature> reference = ReferenceVideos.reference(name).features();
        List<VpdqFeature> ours = ReferenceVideos.ours(name, VpdqHasher.Bars.KEEP).features();

        assertThat(ours).hasSameSizeAs(reference);
        long total = 0;
        int compared = 0;
        for (int i = 0; i < reference.size(); i++) {
            VpdqFeature expected = reference.get(i);
            VpdqFeature actual = ours.get(i);
            assertThat(actual.frameNumber()).isEqualTo(expected.frameNumber());
            assertThat(actual.timestampSeconds()).isCloseTo(expected.timestampSeconds(),
                    org.assertj.core.api.Assertions.within(0.0005));
            if (expected.quality() >= TRUSTED_QUALITY) {
                int distance = actual.hash().distance(expected.hash());
                assertThat(distance).as("%s frame %d", name, i).isLessThanOrEqualTo(MAX_FRAME_DISTANCE);
                total += distance;
                compared++;
            }
        }
        assertThat(compared).isPositive();
        assertThat((double) total / compared).as("%s mean distance", name).isLessThanOrEqualTo(MAX_MEAN_DISTANCE);
    }

    @Test
    void theReferenceHashesGiveThePublishedDecisions() {
        assertPublishedDecisions(ReferenceVideos.references());
    }

    @Test
    void ourHashesGiveThePublishedDecisions() {
        assertPublishedDecisions(ReferenceVideos.allOurs(VpdqHasher.Bars.KEEP));
    }

    @Test
    void ourHashesDecideEveryPairAsTheReferenceDoes() {
        Map<String, VpdqHash> ours = ReferenceVideos.allOurs(VpdqHasher.Bars.KEEP);

        assertThat(matchingPairs(ours)).isEqualTo(matchingPairs(ReferenceVideos.references()));
    }

    /** The decisions the issue lists, from the reference hashes, and no match between different content. */
    static void assertPublishedDecisions(Map<String, VpdqHash> videos) {
        List<String> pairs = matchingPairs(videos);
        String query = "chair-orig-22-sd-bar";
        for (String known : List.of("chair-19-sd-bar", "chair-20-sd-bar", "chair-22-sd-grey-bar", "chair-22-sd-sepia-bar",
                "chair-22-with-small-logo-bar")) {
            assertThat(pairs).contains(query + " ~ " + known);
        }
        assertThat(pairs).doesNotContain(query + " ~ chair-22-with-large-logo-bar");
        assertThat(pairs).contains("pattern-sd-grey-bar ~ pattern-sd-with-small-logo-bar",
                "pattern-sd-with-small-logo-bar ~ pattern-sd-grey-bar",
                "pattern-hd-no-bar ~ pattern-longer-no-bar", "pattern-longer-no-bar ~ pattern-hd-no-bar");
        for (String pair : pairs) {
            String[] sides = pair.split(" ~ ");
            assertThat(ReferenceVideos.content(sides[0])).as(pair).isEqualTo(ReferenceVideos.content(sides[1]));
        }
    }

    /** Every ordered pair (query ~ known) of distinct videos that matches with the published parameters. */
    static List<String> matchingPairs(Map<String, VpdqHash> videos) {
        List<String> pairs = new ArrayList<>();
        videos.forEach((query, q) -> videos.forEach((known, k) -> {
            if (!query.equals(known) && VpdqComparison.PUBLISHED.compare(q, k).isMatch()) {
                pairs.add(query + " ~ " + known);
            }
        }));
        return new ArrayList<>(new TreeSet<>(pairs));
    }
}
