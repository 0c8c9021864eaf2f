package org.ariadne.scene.index;

import java.util.Objects;
import org.ariadne.media.LumaImage;
import org.ariadne.scene.Region;
import org.ariadne.scene.SceneExtractor;
import org.ariadne.scene.SceneFeatures;

/**
 * What to look for: the features of a picture or of a region of it, and optionally those of its mirror
 * image, so that a flipped copy of a scene is found too (ORB features are not invariant to a flip).
 *
 * @param features the query's features
 * @param mirrored the features of the query flipped left to right, placed where they lie unflipped; or null
 */
public record SceneQuery(SceneFeatures features, SceneFeatures mirrored) {

    public SceneQuery {
        Objects.requireNonNull(features, "features");
    }

    /** A query by features alone, without the mirror image. */
    public static SceneQuery of(SceneFeatures features) {
        return new SceneQuery(features, null);
    }

    /** A query by a region of a picture (the whole picture: {@link Region#whole}), mirror image included. */
    public static SceneQuery of(SceneExtractor extractor, LumaImage image, Region region) {
        return new SceneQuery(extractor.extract(image, region), extractor.extractMirrored(image, region));
    }
}
