package org.ariadne.server.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.Verification;
import org.ariadne.scene.index.SceneIndex;
import org.ariadne.scene.index.SceneMatch;
import org.ariadne.scene.index.SceneQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every picture's scene features in one in-memory scene index (about 3 KB a picture), to find pictures of
 * the same place or object across the database; who may see them is decided in SQL, for a search
 * while the candidates are chosen. Filled from the database when the server starts, then as pictures arrive.
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

    /**
     * The pictures that show the scene, most agreeing features first, among the media items {@code visible}
     * keeps of those it is given (a database lookup for a batch of candidates): pictures the searcher may
     * not see are left out before the index cuts its candidates, so they cannot crowd out those they may.
     */
    List<Found> find(SceneQuery query, UnaryOperator<Set<Long>> visible) {
        return found(index.find(query, LIMIT, candidates -> {
            long[] ids = snapshot();
            Map<Long, List<Integer>> byMedia = new HashMap<>();
            for (int id : candidates) {
                if (id < ids.length) {
                    byMedia.computeIfAbsent(ids[id], m -> new ArrayList<>()).add(id);
                }
            }
            Set<Integer> admitted = new HashSet<>();
            visible.apply(byMedia.keySet()).forEach(m -> admitted.addAll(byMedia.getOrDefault(m, List.of())));
            return admitted;
        }));
    }

    private synchronized long[] snapshot() {
        return mediaIds;
    }

    private List<Found> found(List<SceneMatch> matches) {
        long[] ids = snapshot();
        List<Found> found = new ArrayList<>();
        for (SceneMatch match : matches) {
            if (match.id() < ids.length) {
                SceneFeatures picture = index.get(match.id());
                found.add(new Found(ids[match.id()], match.verification(), picture.width(), picture.height()));
            }
        }
        return found;
    }
}
