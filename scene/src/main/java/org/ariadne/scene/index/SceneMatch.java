package org.ariadne.scene.index;

import org.ariadne.scene.Verification;

/**
 * A picture of the index that shows the query's scene, and why: the agreeing feature pairs and the boxes
 * around them in both pictures ({@link Verification}).
 *
 * @param id the picture's id in the index
 * @param mirrored whether it matched the query flipped left to right
 * @param verification the evidence, in pixels of the query picture and of the found one
 */
public record SceneMatch(int id, boolean mirrored, Verification verification) {

    /** The score: features that agree with one perspective transformation. */
    public int inliers() {
        return verification.inliers();
    }
}
