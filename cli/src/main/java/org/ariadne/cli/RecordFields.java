package org.ariadne.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ariadne.hashing.MediaRecord;
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
