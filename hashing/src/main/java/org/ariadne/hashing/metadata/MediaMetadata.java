package org.ariadne.hashing.metadata;

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
}
