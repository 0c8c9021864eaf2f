package org.ariadne.server.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ariadne.scene.SceneFeatures;
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

    /** A picture of the same scene: the media item and how many features agree. */
    record Found(long mediaId, int inliers) {
    }

    /** The pictures that show the scene, most agreeing features first (the picture itself included, if indexed). */
    List<Found> find(SceneFeatures features) {
        long[] ids;
        synchronized (this) {
            ids = mediaIds;
        }
        List<Found> found = new ArrayList<>();
        for (SceneMatch match : index.find(SceneQuery.of(features), LIMIT)) {
            if (match.id() < ids.length) {
                found.add(new Found(ids[match.id()], match.inliers()));
            }
        }
        return found;
    }
}
