package org.ariadne.hashing.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ariadne.hashing.pdq.PdqHash;
import org.junit.jupiter.api.Test;

class VpdqComparisonTest {

    private final Random random = new Random(42);
    private final List<PdqHash> scenes = new ArrayList<>();

    VpdqComparisonTest() {
        for (int i = 0; i < 20; i++) {
            scenes.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
    }

    @Test
    void framesWithinTheDistanceMatchAndOneBitFurtherDoNot() {
        VpdqHash known = video(scenes.get(0));

        assertThat(compare(video(flip(scenes.get(0), 31)), known).isMatch()).isTrue();
        assertThat(compare(video(flip(scenes.get(0), 32)), known).isMatch()).isFalse();
    }

    @Test
    void theKnownVideoMustBeEightyPercentInTheQuery() {
        VpdqHash known = video(scenes.subList(0, 10));

        assertThat(compare(video(scenes.subList(0, 8)), known).comparedMatchPercent()).isEqualTo(80.0);
        assertThat(compare(video(scenes.subList(0, 8)), known).isMatch()).isTrue();
        assertThat(compare(video(scenes.subList(0, 7)), known).isMatch()).isFalse();
    }

    @Test
    void aKnownClipInsideALongerQueryMatchesButNotTheOtherWayRound() {
        VpdqHash clip = video(scenes.subList(5, 8));
        VpdqHash compilation = video(scenes);

        VpdqComparison.Result found = compare(compilation, clip);
        assertThat(found.isMatch()).isTrue();
        assertThat(found.queryMatchPercent()).isEqualTo(15.0);
        assertThat(found.comparedMatchPercent()).isEqualTo(100.0);
        assertThat(compare(clip, compilation).isMatch()).isFalse();
    }

    @Test
    void repeatedFramesCountOnce() {
        // A still held for many frames must not outvote the rest of the video.
        List<PdqHash> held = new ArrayList<>(scenes.subList(0, 5));
        for (int i = 0; i < 50; i++) {
            held.add(scenes.get(0));
        }

        assertThat(compare(video(scenes.subList(0, 1)), video(held)).comparedMatchPercent()).isEqualTo(20.0);
    }

    @Test
    void framesOfLowQualityAreLeftOut() {
        List<VpdqFeature> known = new ArrayList<>(video(scenes.subList(0, 4)).features());
        for (int i = 0; i < 10; i++) {
            known.add(new VpdqFeature(100 + i, scenes.get(10 + i), VpdqComparison.MIN_QUALITY - 1, 10 + i));
        }

        VpdqComparison.Result r = compare(video(scenes.subList(0, 4)), new VpdqHash(known));
        assertThat(r.comparedMatchPercent()).isEqualTo(100.0);
        assertThat(r.isMatch()).isTrue();
    }

    @Test
    void aVideoWithoutUsefulFramesMatchesNothing() {
        VpdqHash blank = new VpdqHash(List.of(new VpdqFeature(0, scenes.get(0), 0, 0)));

        assertThat(compare(blank, blank).isMatch()).isFalse();
    }

    @Test
    void stricterQueryThresholdRefusesPaddedQueries() {
        VpdqComparison strict = new VpdqComparison(VpdqComparison.FRAME_DISTANCE, VpdqComparison.MIN_QUALITY, 80, 50);

        assertThat(strict.compare(video(scenes), video(scenes.subList(0, 5))).isMatch()).isFalse();
        assertThat(strict.compare(video(scenes.subList(0, 8)), video(scenes.subList(0, 5))).isMatch()).isTrue();
    }

    private static VpdqComparison.Result compare(VpdqHash query, VpdqHash known) {
        return VpdqComparison.PUBLISHED.compare(query, known);
    }

    private static VpdqHash video(PdqHash... frames) {
        return video(List.of(frames));
    }

    private static VpdqHash video(List<PdqHash> frames) {
        List<VpdqFeature> features = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            features.add(new VpdqFeature(i, frames.get(i), 100, i));
        }
        return new VpdqHash(features);
    }

    /** The hash with its first {@code bits} bits inverted. */
    private static PdqHash flip(PdqHash hash, int bits) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int k = 0; k < bits; k++) {
            words[k / 64] ^= 1L << (k % 64);
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }
}
