package org.ariadne.server.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.vpdq.VpdqComparison;
import org.ariadne.hashing.vpdq.VpdqFeature;
import org.ariadne.hashing.vpdq.VpdqHash;
import org.ariadne.server.series.Visibility;
import org.ariadne.media.LumaImage;
import org.ariadne.scene.Region;
import org.ariadne.scene.SceneComparison;
import org.ariadne.scene.SceneExtractor;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.index.SceneQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds what a media item is linked to among what an agency may see: near duplicates by PDQ (the picture
 * and its rotations and flips), videos by vPDQ, pictures that are frames of videos, and pictures from the
 * same camera body; records the links. An exact copy is
 * not a link: the same content is one media row, submitted more than once.
 */
@Service
public class Matching {

    /** PDQ's own advice: below 50 the hash says more about flat areas than about the picture. */
    public static final int MIN_PDQ_QUALITY = 50;
    /** PDQ's recommended match threshold: 31 of 256 bits. */
    public static final int RADIUS = 31;

    private final JdbcClient jdbc;
    private final NearDuplicateIndex index;
    private final SameSceneIndex scenes;
    /** Null when scene links are switched off ({@code ariadne.scene.links=false}): they cost ~10 ms a picture. */
    private final SceneExtractor extractor;

    Matching(JdbcClient jdbc, NearDuplicateIndex index, SameSceneIndex scenes,
             @Value("${ariadne.scene.links:true}") boolean sceneLinks) {
        this.jdbc = jdbc;
        this.index = index;
        this.scenes = scenes;
        this.extractor = sceneLinks ? new SceneExtractor() : null;
        if (extractor != null) {
            // OpenCV's native libraries take seconds to load: in the background now, not on a first upload
            Thread.ofVirtual().name("scene-warm-up").start(() -> extractor.extract(new LumaImage(WARM_UP_SIDE,
                    WARM_UP_SIDE, new float[WARM_UP_SIDE * WARM_UP_SIDE])));
        }
    }

    /** A blank picture just large enough that OpenCV is asked at all. */
    private static final int WARM_UP_SIDE = 96;

    /** A decoded picture's scene features, or null if it has none (too small, flat) or scene links are off. */
    public SceneFeatures scene(LumaImage picture) {
        if (extractor == null) {
            return null;
        }
        SceneFeatures features = extractor.extract(picture);
        return features.count() >= SceneComparison.MIN_INLIERS ? features : null;
    }

    /**
     * A picture found showing the scene of a query region: its score (agreeing features), the box around
     * them in the query picture (the pixels of the picture searched, which {@code SceneSearch} gives in the
     * stored picture's pixels) and in the found one (as shares of its width and height).
     */
    public record SceneHit(long mediaId, int score, Region queryRegion, double foundX, double foundY,
                           double foundWidth, double foundHeight) {
    }

    /**
     * The pictures the agency may see that show what lies in the region of a picture (an object a
     * specialist boxed, or the whole room), best first, the picture itself left out. Mirrored views count.
     */
    public List<SceneHit> sceneSearch(LumaImage picture, Region region, long agencyId, long excludedMediaId) {
        if (extractor == null) {
            return List.of();
        }
        Map<Long, SameSceneIndex.Found> best = new LinkedHashMap<>();
        // the picture itself is no candidate either: it would take one of the few verified places
        for (SameSceneIndex.Found f : scenes.find(SceneQuery.of(extractor, picture, region),
                sceneCandidates(agencyId, Set.of(excludedMediaId)))) {
            best.merge(f.mediaId(), f, (a, b) -> b.inliers() > a.inliers() ? b : a);
        }
        List<SceneHit> hits = new ArrayList<>();
        best.forEach((id, f) -> {
            Region found = f.verification().foundRegion();
            hits.add(new SceneHit(id, f.inliers(), f.verification().queryRegion(),
                    (double) found.x() / f.width(), (double) found.y() / f.height(),
                    (double) found.width() / f.width(), (double) found.height() / f.height()));
        });
        hits.sort(java.util.Comparator.comparingInt(SceneHit::score).reversed().thenComparingLong(SceneHit::mediaId));
        return hits;
    }

    /** Makes a new picture's scene findable by later pictures. */
    public void indexed(long mediaId, SceneFeatures scene) {
        if (scene != null) {
            scenes.add(mediaId, scene);
        }
    }

    /** A media item linked to the one looked at, and why. */
    public record Link(long mediaId, String kind, Integer distance) {
    }

    /** Makes a new video's frames findable by later near-duplicate searches. */
    public void indexed(long mediaId, VpdqHash video) {
        for (PdqHash frame : usefulFrames(video)) {
            index.add(mediaId, frame);
        }
    }

    /** A video's frames worth matching: quality high enough, each distinct hash once. */
    static List<PdqHash> usefulFrames(VpdqHash video) {
        return video.features().stream().filter(f -> f.quality() >= MIN_PDQ_QUALITY).map(VpdqFeature::hash)
                .distinct().toList();
    }

    /** Makes a new media item findable by later near-duplicate searches. */
    public void indexed(long mediaId, PdqHash pdq, int quality) {
        if (pdq != null && quality >= MIN_PDQ_QUALITY) {
            index.add(mediaId, pdq);
        }
    }

    /** Near duplicates of the hashes among media the agency may see, nearest first: media id to distance. */
    public Map<Long, Integer> nearDuplicates(List<PdqHash> hashes, long agencyId, long excludedMediaId) {
        Map<Long, Integer> near = index.near(hashes, RADIUS);
        near.remove(excludedMediaId);
        if (near.isEmpty()) {
            return Map.of();
        }
        List<Long> visible = jdbc.sql("select m.id from media m where m.id = any(:ids) and " + Visibility.MEDIA)
                .param("ids", near.keySet().toArray(Long[]::new)).param("agency", agencyId)
                .query(Long.class).list();
        Map<Long, Integer> result = new LinkedHashMap<>();
        visible.stream().sorted((a, b) -> Integer.compare(near.get(a), near.get(b)))
                .forEach(id -> result.put(id, near.get(id)));
        return result;
    }

    /**
     * Near duplicates of the hashes among all media, whoever may see them: media id to distance. Only for
     * alerts that the server decides on itself (a notice's photo, see {@link Deconfliction#raiseForNotice});
     * never shown to a user as it is.
     */
    public Map<Long, Integer> nearDuplicatesAnywhere(List<PdqHash> hashes) {
        return index.near(hashes, RADIUS);
    }

    private Map<Long, VpdqHash> videosAmong(java.util.Set<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, VpdqHash> videos = new java.util.HashMap<>();
        jdbc.sql("select id, vpdq from media where id = any(?) and vpdq is not null")
                .param(mediaIds.toArray(Long[]::new))
                .query(rs -> {
                    videos.put(rs.getLong(1), VpdqHash.parse(rs.getString(2)));
                });
        return videos;
    }

    /**
     * Pictures of the same scene the agency may see, other than the picture itself and its near duplicates
     * (a near duplicate shows the same scene by definition; its link says more): media id to the score,
     * the features that agree under one perspective transformation.
     */
    Map<Long, Integer> sameScene(SceneFeatures scene, long agencyId, long excludedMediaId, java.util.Set<Long> nearDuplicates) {
        if (scene == null) {
            return Map.of();
        }
        Set<Long> excluded = new HashSet<>(nearDuplicates);
        excluded.add(excludedMediaId);
        Map<Long, Integer> found = new java.util.TreeMap<>();
        for (SameSceneIndex.Found f : scenes.find(SceneQuery.of(scene), sceneCandidates(agencyId, excluded))) {
            found.merge(f.mediaId(), f.inliers(), Math::max);
        }
        return found;
    }

    /**
     * Which of a batch of the scene index's candidates may be verified: those the agency may see, less the
     * media left out. Asked before the index cuts its candidates, so that pictures the agency may not see (or
     * that are linked otherwise) cannot take the few verified places from those it may.
     */
    private UnaryOperator<Set<Long>> sceneCandidates(long agencyId, Set<Long> excluded) {
        return ids -> {
            Set<Long> wanted = new HashSet<>(ids);
            wanted.removeAll(excluded);
            if (wanted.isEmpty()) {
                return wanted;
            }
            return new HashSet<>(jdbc.sql("select m.id from media m where m.id = any(:ids) and " + Visibility.MEDIA)
                    .param("ids", wanted.toArray(Long[]::new)).param("agency", agencyId).query(Long.class).list());
        };
    }

    /** Media from the same camera body (by serial number) the agency may see. */
    public List<Long> sameCamera(String cameraSerial, long agencyId, long excludedMediaId) {
        if (cameraSerial == null || cameraSerial.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select m.id from media m where m.camera_serial = :serial and m.id <> :self and "
                        + Visibility.MEDIA + " order by m.id")
                .param("serial", cameraSerial).param("self", excludedMediaId).param("agency", agencyId)
                .query(Long.class).list();
    }

    /**
     * Finds and records the links of a media item as seen by the agency that submitted it: a picture by its
     * PDQ and its rotations and flips ({@code pdqVariants}), a video by its frames ({@code video}, else
     * null). Between two pictures that is a near duplicate; between a picture and a video, a frame; two
     * videos whose frames meet are linked only if vPDQ's published comparison says they match.
     */
    public List<Link> link(long mediaId, List<PdqHash> pdqVariants, VpdqHash video, SceneFeatures scene,
                           String cameraSerial, long agencyId) {
        List<Link> links = new ArrayList<>();
        List<PdqHash> hashes = video == null ? pdqVariants : usefulFrames(video);
        Map<Long, Integer> near = nearDuplicates(hashes, agencyId, mediaId);
        Map<Long, VpdqHash> videos = videosAmong(near.keySet());
        near.forEach((other, distance) -> {
            VpdqHash otherVideo = videos.get(other);
            if (video == null && otherVideo == null) {
                links.add(new Link(other, "near_duplicate", distance));
            } else if (video == null || otherVideo == null) {
                links.add(new Link(other, "video_frame", distance));
            } else if (VpdqComparison.PUBLISHED.compare(video, otherVideo).isMatch()) {
                links.add(new Link(other, "video_match", distance));
            }
        });
        sameScene(scene, agencyId, mediaId, near.keySet())
                .forEach((other, inliers) -> links.add(new Link(other, "same_scene", inliers)));
        for (long other : sameCamera(cameraSerial, agencyId, mediaId)) {
            links.add(new Link(other, "same_camera", null));
        }
        for (Link link : links) {
            jdbc.sql("""
                            insert into media_link (media_a, media_b, kind, distance) values (?, ?, ?, ?)
                            on conflict (media_a, media_b, kind) do nothing""")
                    .params(Math.min(mediaId, link.mediaId()), Math.max(mediaId, link.mediaId()), link.kind(),
                            link.distance())
                    .update();
        }
        return links;
    }
}
