package org.ariadne.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ariadne.media.LumaImage;
import org.ariadne.scene.testing.Scenes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** One scene under the edits a second photo of it makes, and distinct scenes, compared two by two. */
class SceneComparisonTest {

    private static final SceneExtractor EXTRACTOR = new SceneExtractor();

    private static final Map<String, UnaryOperator<LumaImage>> EDITS = new LinkedHashMap<>();

    static {
        EDITS.put("crop", l -> Scenes.crop(l, 80, 60, 640, 480));
        EDITS.put("perspective", l -> Scenes.perspective(l, new float[] {0.15f, 0.05f, 0.1f, 0.1f, 0.05f, 0.1f, 0.1f, 0.05f}));
        EDITS.put("lighting", l -> Scenes.lighting(l, 0.6, 40, 1.4));
        EDITS.put("occlusion", l -> Scenes.occluded(l, 4, 9));
        EDITS.put("half size", l -> Scenes.scaled(l, 0.5));
    }

    private static LumaImage room(long seed) {
        return Scenes.luma(Scenes.room(800, 600, seed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crop", "perspective", "lighting", "occlusion", "half size"})
    void findsTheSceneUnderAnEdit(String edit) {
        for (long seed = 1; seed <= 5; seed++) {
            LumaImage original = room(seed);
            Verification v = SceneComparison.verify(EXTRACTOR.extract(EDITS.get(edit).apply(original)), EXTRACTOR.extract(original));

            assertThat(v.sameScene()).as("seed %d, %s: %d agreeing features", seed, edit, v.inliers()).isTrue();
            assertThat(v.pairs()).hasSizeGreaterThanOrEqualTo(v.inliers());
        }
    }

    @Test
    void thePairsAreWhereTheCropPutThem() {
        LumaImage original = room(3);
        Verification v = SceneComparison.verify(EXTRACTOR.extract(Scenes.crop(original, 80, 60, 640, 480)), EXTRACTOR.extract(original));

        for (KeypointPair p : v.pairs()) {
            assertThat(Math.hypot(p.queryX() + 80 - p.foundX(), p.queryY() + 60 - p.foundY()))
                    .as("pair %s", p).isLessThan(10);
        }
        assertThat(v.foundRegion().x()).isGreaterThanOrEqualTo(80 - 1);
        assertThat(v.foundRegion().x() + v.foundRegion().width()).isLessThanOrEqualTo(80 + 640 + 1);
        for (KeypointPair p : v.pairs()) {
            assertThat(v.queryRegion().contains(p.queryX(), p.queryY())).as("the query box holds %s", p).isTrue();
            assertThat(v.foundRegion().contains(p.foundX(), p.foundY())).as("the found box holds %s", p).isTrue();
        }
    }

    @Test
    void findsAMirroredCopyThroughTheMirroredQuery() {
        LumaImage original = room(4);
        LumaImage mirrored = Scenes.mirror(original);

        Verification direct = SceneComparison.verify(EXTRACTOR.extract(mirrored), EXTRACTOR.extract(original));
        Verification flipped = SceneComparison.verify(EXTRACTOR.extractMirrored(mirrored, Region.whole(800, 600)),
                EXTRACTOR.extract(original));

        assertThat(direct.sameScene()).as("ORB is not flip-invariant").isFalse();
        assertThat(flipped.sameScene()).isTrue();
        KeypointPair p = flipped.pairs().getFirst();
        assertThat(Math.abs(p.queryX() - (800 - p.foundX()))).as("positions in the mirrored picture's own frame").isLessThan(10);
    }

    @Test
    void distinctScenesAreNotLinked() {
        SceneFeatures[] rooms = new SceneFeatures[12];
        for (int i = 0; i < rooms.length; i++) {
            rooms[i] = EXTRACTOR.extract(room(100 + i));
        }
        for (int a = 0; a < rooms.length; a++) {
            for (int b = a + 1; b < rooms.length; b++) {
                Verification v = SceneComparison.compare(rooms[a], rooms[b]);
                assertThat(v.sameScene()).as("rooms %d and %d: %d agreeing", a, b, v.inliers()).isFalse();
            }
        }
    }

    @Test
    void theReferenceComparisonIsSymmetric() {
        SceneFeatures a = EXTRACTOR.extract(room(7));
        SceneFeatures b = EXTRACTOR.extract(Scenes.perspective(room(7), new float[] {0.1f, 0, 0, 0.1f, 0.1f, 0, 0, 0.1f}));
        SceneSignalType type = new SceneSignalType();

        assertThat(type.distance(a, b)).isEqualTo(type.distance(b, a)).isLessThanOrEqualTo(type.matchThreshold());
        assertThat(SceneComparison.compare(b, a).pairs().getFirst().queryX())
                .isEqualTo(SceneComparison.compare(a, b).pairs().getFirst().foundX());
    }

    @Test
    void tinyPicturesAndRegionsGiveNoFeaturesRatherThanFail() {
        for (int[] size : new int[][] {{1, 1}, {5, 5}, {40, 3}, {3, 900}}) {
            LumaImage tiny = new LumaImage(size[0], size[1], new float[size[0] * size[1]]);
            assertThat(EXTRACTOR.extract(tiny).count()).as("%dx%d", size[0], size[1]).isZero();
        }
        assertThat(EXTRACTOR.extract(room(2), new Region(10, 10, 2, 2)).count()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EXTRACTOR.extract(room(2), new Region(700, 10, 200, 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    @Test
    void picturesWithoutCornersGiveNoFeaturesAndMatchNothing() {
        LumaImage flat = new LumaImage(300, 200, new float[300 * 200]);
        SceneFeatures none = EXTRACTOR.extract(flat);

        assertThat(none.count()).isZero();
        assertThat(SceneComparison.verify(none, EXTRACTOR.extract(room(1))).inliers()).isZero();
    }
}
