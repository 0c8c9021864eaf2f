package org.ariadne.server.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.server.series.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds what a media item is linked to among what an agency may see: near duplicates by PDQ (the picture
 * and its rotations and flips) and pictures from the same camera body; records the links. An exact copy is
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

    Matching(JdbcClient jdbc, NearDuplicateIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /** A media item linked to the one looked at, and why. */
    public record Link(long mediaId, String kind, Integer distance) {
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

    /** Finds and records the links of a media item as seen by the agency that submitted it. */
    public List<Link> link(long mediaId, List<PdqHash> pdqVariants, String cameraSerial, long agencyId) {
        List<Link> links = new ArrayList<>();
        nearDuplicates(pdqVariants, agencyId, mediaId)
                .forEach((other, distance) -> links.add(new Link(other, "near_duplicate", distance)));
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
