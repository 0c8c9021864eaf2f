package org.ariadne.hashing.vpdq;

import java.util.Locale;
import org.ariadne.hashing.pdq.PdqHash;

/**
 * The PDQ hash of one video frame, with the frame's number, its quality and its time.
 *
 * @param frameNumber the frame's number in the video, from 0
 * @param hash the frame's PDQ hash
 * @param quality PDQ quality, 0 to 100 (below 50: not compared)
 * @param timestampSeconds the frame's time from the start of the video
 */
public record VpdqFeature(int frameNumber, PdqHash hash, int quality, double timestampSeconds) {

    /**
     * Reads one feature as the reference vPDQ writes it: {@code frame,quality,pdq_hex,timestamp}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static VpdqFeature parse(String text) {
        String[] fields = text.strip().split(",");
        if (fields.length != 4) {
            throw new IllegalArgumentException("vpdq: a frame is frame,quality,pdq,timestamp; got '" + abbreviate(text) + "'");
        }
        try {
            int frame = Integer.parseInt(fields[0].strip());
            int quality = Integer.parseInt(fields[1].strip());
            double timestamp = Double.parseDouble(fields[3].strip());
            if (frame < 0 || quality < 0 || quality > 100 || !(timestamp >= 0) || Double.isInfinite(timestamp)) {
                throw new IllegalArgumentException("vpdq: frame number, quality (0-100) or time out of range in '"
                        + abbreviate(text) + "'");
            }
            return new VpdqFeature(frame, PdqHash.parse(fields[2]), quality, timestamp);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vpdq: not a number in '" + abbreviate(text) + "'", e);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("vpdq") ? e : new IllegalArgumentException("vpdq: " + e.getMessage(), e);
        }
    }

    /** The reference's form, {@code frame,quality,pdq_hex,timestamp}, time to the millisecond. */
    public String format() {
        return frameNumber + "," + quality + "," + hash.hex() + "," + String.format(Locale.ROOT, "%.3f", timestampSeconds);
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
