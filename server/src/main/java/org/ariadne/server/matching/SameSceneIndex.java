package org.ariadne.server.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.Verification;
import org.ariadne.scene.index.SceneIndex;
import org.ariadne.scene.index.SceneMatch;
import org.ariadne.scene.index.SceneQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every picture's scene features in one in-memory scene index (about 3 KB a picture), to find pictures of
 * the same place or object across the database; as with near duplicates, who may see them is decided
 * afterwards, in SQL. Filled from the database when the server starts, then as pictures arrive.
 */
@Component
class SameSceneIndex {

    /** Pictures reported a query at most: a place photographed many times links to its closest views. */
    static final int LIMIT = 20;

    private final SceneIndex index = new SceneIndex();
    private long[] mediaIds = new long[1024];

    SameSceneIndex(JdbcClient jdbc) {
        jdbc.sql("select id, scene from media where scene is not null order by id")
                .query(rs -> {
                    add(rs.getLong(1), SceneFeatures.decode(rs.getBytes(2)));
                });
    }

    synchronized void add(long mediaId, SceneFeatures features) {
        int id = index.add(features);
        if (id >= mediaIds.length) {
            mediaIds = Arrays.copyOf(mediaIds, Math.max(id + 1, mediaIds.length * 2));
        }
        mediaIds[id] = mediaId;
    }

    /**
     * A picture of the same scene: the media item, the evidence (agreeing features, the box around them in
     * the query and in the found picture), and the found picture's size in the features' pixels.
     */
    record Found(long mediaId, Verification verification, int width, int height) {

        int inliers() {
            return verification.inliers();
        }
    }

    /** The pictures that show the scene, most agreeing features first (the picture itself included, if indexed). */
    List<Found> find(SceneFeatures features) {
        return find(SceneQuery.of(features));
    }

    List<Found> find(SceneQuery query) {
        long[] ids;
        synchronized (this) {
            ids = mediaIds;
        }
        List<Found> found = new ArrayList<>();
        for (SceneMatch match : index.find(query, LIMIT)) {
            if (match.id() < ids.length) {
                SceneFeatures picture = index.get(match.id());
                found.add(new Found(ids[match.id()], match.verification(), picture.width(), picture.height()));
            }
        }
        return found;
    }
}
