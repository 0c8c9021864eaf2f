package org.ariadne.hashing.metadata;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ariadne.media.video.VideoInfo;

/**
 * A video container's tags as the same clues a photo's EXIF gives: the recording device (Apple's and
 * Android's QuickTime keys, or plain {@code make}/{@code model}), the software, when and where it was
 * recorded (ISO 6709 location, as phones write it).
 */
public final class VideoMetadata {

    private static final List<String> MAKE = List.of("com.apple.quicktime.make", "com.android.manufacturer", "make");
    private static final List<String> MODEL = List.of("com.apple.quicktime.model", "com.android.model", "model");
    private static final List<String> SOFTWARE = List.of("com.apple.quicktime.software", "software", "encoder");
    /** Apple's creation date keeps the local time and offset; the container's creation_time is UTC. */
    private static final List<String> CREATED = List.of("com.apple.quicktime.creationdate");
    private static final List<String> LOCATION = List.of("com.apple.quicktime.location.ISO6709", "location");

    /** ISO 6709 as phones write it: {@code +37.3349-122.0090+010.000/}, altitude optional. */
    private static final Pattern ISO_6709 =
            Pattern.compile("([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?/?");

    private VideoMetadata() {
    }

    public static MediaMetadata from(VideoInfo info) {
        Map<String, String> tags = info.deviceTags();
        String created = first(tags, CREATED);
        Double latitude = null;
        Double longitude = null;
        Double altitude = null;
        String location = first(tags, LOCATION);
        Matcher m = location == null ? null : ISO_6709.matcher(location.strip());
        if (m != null && m.matches()) {
            latitude = Double.parseDouble(m.group(1));
            longitude = Double.parseDouble(m.group(2));
            altitude = m.group(3) == null ? null : Double.parseDouble(m.group(3));
        }
        return new MediaMetadata(first(tags, MAKE), first(tags, MODEL), null, null,
                created != null ? created : info.creationTime(), latitude, longitude, altitude,
                first(tags, SOFTWARE), null, null, info.width(), info.height());
    }

    private static String first(Map<String, String> tags, List<String> keys) {
        for (String key : keys) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
