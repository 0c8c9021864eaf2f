package org.ariadne.server.matching;

import java.util.List;
import java.util.Map;
import org.ariadne.hashing.pdq.PdqHash;
import org.ariadne.hashing.vpdq.MatchedSegment;
import org.ariadne.hashing.vpdq.MatchedSegments;
import org.ariadne.hashing.vpdq.VpdqComparison;
import org.ariadne.hashing.vpdq.VpdqHash;
import org.ariadne.scene.Region;
import org.ariadne.scene.SceneComparison;
import org.ariadne.scene.SceneFeatures;
import org.ariadne.scene.Verification;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Outcome;
import org.ariadne.server.security.Account;
import org.ariadne.server.series.Visibility;
import org.ariadne.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Two media items side by side: what matched between them and how closely. The PDQ distance (the smallest
 * over the second item's rotations and flips, as matching does), the links matching recorded, the same
 * content or camera body, for two videos the vPDQ comparison with the matched time ranges, and for two
 * pictures of one scene the parts of each that agree.
 */
@Service
public class MediaComparison {

    public record Comparison(long a, long b, boolean sameContent, Integer pdqDistance, boolean sameCamera,
                             List<Map<String, Object>> links, VpdqComparison.Result video,
                             List<MatchedSegment> segments, double durationA, double durationB, Scene scene) {
    }

    /**
     * Why two pictures show one scene: how many features agree under one perspective transformation, and the
     * box around them in each picture, as shares of its width and height (so the page can draw it on a
     * thumbnail of any size). Null in a comparison when they do not.
     */
    public record Scene(int inliers, Box inA, Box inB) {
    }

    public record Box(double x, double y, double width, double height) {

        static Box of(Region region, SceneFeatures picture) {
            return new Box((double) region.x() / picture.width(), (double) region.y() / picture.height(),
                    (double) region.width() / picture.width(), (double) region.height() / picture.height());
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    MediaComparison(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Comparison compare(Account account, long a, long b) {
        Map<String, Object> first = visible(account, a);
        Map<String, Object> second = visible(account, b);
        audit.record(account.actor(), "media.compare", "media:" + a, Outcome.OK, Map.of("with", b));
        Integer distance = pdqDistance((String) first.get("pdq"), (String[]) second.get("dihedral"), (String) second.get("pdq"));
        String serial = (String) first.get("camera_serial");
        List<Map<String, Object>> links = jdbc.sql("""
                        select kind, distance from media_link where media_a = ? and media_b = ? order by kind""")
                .params(Math.min(a, b), Math.max(a, b)).query().listOfRows();
        VpdqComparison.Result video = null;
        List<MatchedSegment> segments = List.of();
        if (first.get("vpdq") != null && second.get("vpdq") != null) {
            VpdqHash query = VpdqHash.parse((String) first.get("vpdq"));
            VpdqHash known = VpdqHash.parse((String) second.get("vpdq"));
            video = VpdqComparison.PUBLISHED.compare(query, known);
            segments = new MatchedSegments(VpdqComparison.PUBLISHED).between(query, known);
        }
        return new Comparison(a, b, first.get("sha256").equals(second.get("sha256")), distance,
                serial != null && serial.equals(second.get("camera_serial")), links, video, segments,
                seconds(first), seconds(second), scene((byte[]) first.get("scene"), (byte[]) second.get("scene")));
    }

    private static Scene scene(byte[] first, byte[] second) {
        if (first == null || second == null) {
            return null;
        }
        SceneFeatures a = SceneFeatures.decode(first);
        SceneFeatures b = SceneFeatures.decode(second);
        Verification verified = SceneComparison.verify(a, b);
        if (!verified.sameScene()) {
            return null;
        }
        return new Scene(verified.inliers(), Box.of(verified.queryRegion(), a), Box.of(verified.foundRegion(), b));
    }

    private static double seconds(Map<String, Object> media) {
        return media.get("duration_seconds") instanceof Number n ? n.doubleValue() : 0;
    }

    private static Integer pdqDistance(String pdq, String[] dihedral, String other) {
        if (pdq == null || other == null) {
            return null;
        }
        PdqHash hash = PdqHash.parse(pdq);
        int best = hash.distance(PdqHash.parse(other));
        for (String variant : dihedral == null ? new String[0] : dihedral) {
            best = Math.min(best, hash.distance(PdqHash.parse(variant)));
        }
        return best;
    }

    private Map<String, Object> visible(Account account, long id) {
        return jdbc.sql("""
                        select m.id, m.sha256, m.pdq, m.pdq_dihedral::text[] as dihedral, m.camera_serial, m.vpdq,
                               m.duration_seconds, m.scene
                        from media m where m.id = :id and""" + Visibility.MEDIA)
                .param("id", id).param("agency", account.agencyId())
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("sha256", rs.getString("sha256"));
                    row.put("pdq", rs.getString("pdq"));
                    java.sql.Array dihedral = rs.getArray("dihedral");
                    row.put("dihedral", dihedral == null ? null : (String[]) dihedral.getArray());
                    row.put("camera_serial", rs.getString("camera_serial"));
                    row.put("vpdq", rs.getString("vpdq"));
                    row.put("duration_seconds", rs.getObject("duration_seconds"));
                    row.put("scene", rs.getBytes("scene"));
                    return row;
                })
                .optional()
                .orElseThrow(() -> {
                    audit.record(account.actor(), "media.compare", "media:" + id, Outcome.REFUSED);
                    return ApiException.notFound("media " + id);
                });
    }
}
