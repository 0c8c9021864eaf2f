package org.ariadne.scene;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ariadne.hashing.ContentKind;
import org.ariadne.hashing.SignalType;

/**
 * Scene features as a signal type, named {@value #NAME}: ORB features quantised by the standard
 * vocabulary, compared by geometric verification. The distance of two different values is
 * {@value #SATURATION} minus the number of agreeing features, at least 1 (beyond {@value #SATURATION}
 * features more evidence adds nothing); identical values are at 0, however few features they have.
 * Fast retrieval over many pictures is {@code org.ariadne.scene.index.SceneIndex}.
 */
public final class SceneSignalType implements SignalType<SceneFeatures> {

    public static final String NAME = "scene_orb";

    /** Agreeing features from which two pictures are as surely one scene as they can be: distance 0. */
    public static final int SATURATION = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ContentKind> appliesTo() {
        return EnumSet.of(ContentKind.PHOTO, ContentKind.VIDEO);
    }

    @Override
    public Class<SceneFeatures> valueType() {
        return SceneFeatures.class;
    }

    @Override
    public SceneFeatures parse(String text) {
        return SceneFeatures.parse(text);
    }

    @Override
    public String format(SceneFeatures value) {
        return value.text();
    }

    @Override
    public int distance(SceneFeatures a, SceneFeatures b) {
        return a.equals(b) ? 0 : distanceOf(SceneComparison.compare(a, b).inliers());
    }

    /** The distance between different values that a verification with that many agreeing features gives. */
    public static int distanceOf(int inliers) {
        return Math.max(1, SATURATION - inliers);
    }

    @Override
    public int matchThreshold() {
        return distanceOf(SceneComparison.MIN_INLIERS);
    }

    @Override
    public List<String> examples() {
        // Generated from a seeded random layout with the words of the standard vocabulary's range; a
        // value is only comparable with values of the same vocabulary id.
        return List.of(
                SceneFeatures.of(Vocabulary.standard().id(), 640, 480, new int[] {1, 2, 4095},
                        new float[] {10, 320.5f, 639}, new float[] {0, 240, 479.9f},
                        new float[] {0, 90, 359}, new float[] {31, 62, 124}).text(),
                SceneFeatures.of(Vocabulary.standard().id(), 100, 100, new int[0], new float[0], new float[0],
                        new float[0], new float[0]).text());
    }
}
