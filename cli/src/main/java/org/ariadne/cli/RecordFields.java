package org.ariadne.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ariadne.hashing.MediaRecord;
import org.ariadne.hashing.vpdq.VpdqFeature;
import org.ariadne.hashing.vpdq.VpdqHasher;
import org.ariadne.hashing.metadata.MediaMetadata;

/**
 * The field names and order of a hash record, shared by every output format. Names are snake_case and
 * stable: forensic tools parse them.
 */
final class RecordFields {

    private RecordFields() {
    }

    /** Top-level fields, in output order; {@code metadata} is an object in JSON and flattened in CSV. */
    static Map<String, Object> topLevel(MediaRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", r.path());
        fields.put("size", r.size());
        fields.put("media_type", r.mediaType());
        fields.put("width", r.width());
        fields.put("height", r.height());
        fields.put("md5", r.fileSignal("md5"));
        fields.put("sha1", r.fileSignal("sha1"));
        fields.put("sha256", r.fileSignal("sha256"));
        fields.put("pdq", r.pdq() == null ? null : r.pdq().hash().hex());
        fields.put("pdq_quality", r.pdq() == null ? null : r.pdq().quality());
        fields.put("orientation", r.orientation());
        return fields;
    }

    /** The video columns, in output order; all null for a file that is no video. */
    static final List<String> VIDEO_COLUMNS = List.of("duration", "codec", "frame_rate", "vpdq");

    /**
     * A video's fields: duration in seconds, codec, frames per second, and {@code vpdq}, the number of
     * frames hashed; null for anything else.
     */
    static Map<String, Object> video(MediaRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        VpdqHasher.VideoHash v = r.video();
        fields.put("duration", v == null ? null : v.info().durationSeconds());
        fields.put("codec", v == null ? null : v.info().codec());
        fields.put("frame_rate", v == null ? null : v.info().frameRate());
        fields.put("vpdq", v == null ? null : v.vpdq().frameCount());
        return fields;
    }

    /** A video's hashed frames, each as {@code frame}, {@code quality}, {@code pdq}, {@code timestamp}. */
    static List<Map<String, Object>> frames(MediaRecord r) {
        List<Map<String, Object>> frames = new ArrayList<>();
        for (VpdqFeature f : r.video().vpdq().features()) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("frame", f.frameNumber());
            frame.put("quality", f.quality());
            frame.put("pdq", f.hash().hex());
            frame.put("timestamp", Math.round(f.timestampSeconds() * 1000) / 1000.0);
            frames.add(frame);
        }
        return frames;
    }

    /** The metadata fields present, in output order (absent ones are left out). */
    static Map<String, Object> metadata(MediaMetadata m) {
        Map<String, Object> fields = allMetadata(m);
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    private static final Set<String> TOP_LEVEL_TOO = Set.of("orientation", "width", "height");

    /**
     * The metadata columns of fixed-column formats: every metadata field but orientation and size, which
     * are top-level columns already.
     */
    static final List<String> METADATA_COLUMNS = allMetadata(MediaMetadata.NONE).keySet().stream()
            .filter(name -> !TOP_LEVEL_TOO.contains(name))
            .toList();

    private static Map<String, Object> allMetadata(MediaMetadata m) {
        return m.fields();
    }

}
