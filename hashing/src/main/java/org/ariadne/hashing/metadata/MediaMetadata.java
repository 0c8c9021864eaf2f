package org.ariadne.hashing.metadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a file says about where and how it was made: the clues that link series across agencies (the
 * same camera body, the same lens, the same place). Every field is optional: null when absent.
 *
 * @param dateTimeOriginal when the picture was taken, ISO-8601 local date-time, with the offset when the
 *     file records one ({@code 2019-07-14T16:02:11+02:00}), else without ({@code 2019-07-14T16:02:11})
 * @param gpsAltitude metres above sea level (negative below)
 * @param orientation the EXIF orientation value, 1 to 8
 * @param width pixels across, as stored
 * @param height pixels down, as stored
 */
public record MediaMetadata(
        String cameraMake,
        String cameraModel,
        String bodySerialNumber,
        String lensSerialNumber,
        String dateTimeOriginal,
        Double gpsLatitude,
        Double gpsLongitude,
        Double gpsAltitude,
        String software,
        String imageUniqueId,
        Integer orientation,
        Integer width,
        Integer height) {

    public static final MediaMetadata NONE =
            new MediaMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The same metadata with the pixel size the decoder found (which beats what tags claim). */
    public MediaMetadata withSize(int width, int height) {
        return new MediaMetadata(cameraMake, cameraModel, bodySerialNumber, lensSerialNumber, dateTimeOriginal,
                gpsLatitude, gpsLongitude, gpsAltitude, software, imageUniqueId, orientation, width, height);
    }

    /**
     * Every field under its stable report name ({@code camera_make}, {@code body_serial_number}, ...), in
     * report order, absent ones as null. Forensic tools parse these names: never rename one.
     */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("camera_make", cameraMake);
        fields.put("camera_model", cameraModel);
        fields.put("body_serial_number", bodySerialNumber);
        fields.put("lens_serial_number", lensSerialNumber);
        fields.put("date_time_original", dateTimeOriginal);
        fields.put("gps_latitude", gpsLatitude);
        fields.put("gps_longitude", gpsLongitude);
        fields.put("gps_altitude", gpsAltitude);
        fields.put("software", software);
        fields.put("image_unique_id", imageUniqueId);
        fields.put("orientation", orientation);
        fields.put("width", width);
        fields.put("height", height);
        return fields;
    }

    /** The metadata {@link #fields()} wrote, read back; missing names are absent fields. */
    public static MediaMetadata fromFields(Map<String, ?> fields) {
        return new MediaMetadata(text(fields, "camera_make"), text(fields, "camera_model"),
                text(fields, "body_serial_number"), text(fields, "lens_serial_number"),
                text(fields, "date_time_original"), number(fields, "gps_latitude"), number(fields, "gps_longitude"),
                number(fields, "gps_altitude"), text(fields, "software"), text(fields, "image_unique_id"),
                whole(fields, "orientation"), whole(fields, "width"), whole(fields, "height"));
    }

    private static String text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static Double number(Map<String, ?> fields, String name) {
        return fields.get(name) instanceof Number n ? n.doubleValue() : null;
    }

    private static Integer whole(Map<String, ?> fields, String name) {
        return fields.get(name) instanceof Number n ? n.intValue() : null;
    }
}
