package org.ariadne.scene;

import java.util.List;

/**
 * The outcome of checking the geometry of two pictures' shared words: how many features one perspective
 * transformation carries onto each other, which ones, and the part of each picture they cover.
 *
 * @param inliers features that agree with the transformation (counted once even if they share a word
 *     with several features of the other picture); 0 when there is none
 * @param pairs the agreeing feature pairs
 * @param queryRegion the box around them in the query picture, or null when there are none
 * @param foundRegion the box around them in the found picture, or null
 */
public record Verification(int inliers, List<KeypointPair> pairs, Region queryRegion, Region foundRegion) {

    static final Verification NONE = new Verification(0, List.of(), null, null);

    public Verification {
        pairs = List.copyOf(pairs);
    }

    /** Whether the pictures show one scene: at least {@link SceneComparison#MIN_INLIERS} agreeing features. */
    public boolean sameScene() {
        return inliers >= SceneComparison.MIN_INLIERS;
    }

    /** The same outcome seen from the other picture. */
    Verification swapped() {
        return new Verification(inliers,
                pairs.stream().map(p -> new KeypointPair(p.foundX(), p.foundY(), p.queryX(), p.queryY())).toList(),
                foundRegion, queryRegion);
    }
}
