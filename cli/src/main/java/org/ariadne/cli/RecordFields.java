package org.ariadne.cli;

import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPresent(fields, "camera_make", m.cameraMake());
        putIfPresent(fields, "camera_model", m.cameraModel());
        putIfPresent(fields, "body_serial_number", m.bodySerialNumber());
        putIfPresent(fields, "lens_serial_number", m.lensSerialNumber());
        putIfPresent(fields, "date_time_original", m.dateTimeOriginal());
        putIfPresent(fields, "gps_latitude", m.gpsLatitude());
        putIfPresent(fields, "gps_longitude", m.gpsLongitude());
        putIfPresent(fields, "gps_altitude", m.gpsAltitude());
        putIfPresent(fields, "software", m.software());
        putIfPresent(fields, "image_unique_id", m.imageUniqueId());
        putIfPresent(fields, "orientation", m.orientation());
        putIfPresent(fields, "width", m.width());
        putIfPresent(fields, "height", m.height());
        return fields;
    }

    /** Every metadata field name, for formats with fixed columns. */
    static final String[] METADATA_COLUMNS = {
        "camera_make", "camera_model", "body_serial_number", "lens_serial_number", "date_time_original",
        "gps_latitude", "gps_longitude", "gps_altitude", "software", "image_unique_id",
    };

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
