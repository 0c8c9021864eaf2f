package org.ariadne.hashing.vpdq;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A video's vPDQ hash: the features of its sampled frames, in time order. Its length varies with the
 * video's: vPDQ compares bags of frames, so a clip can be found in a longer video.
 */
public record VpdqHash(List<VpdqFeature> features) {

    /** Separates frames in the canonical form (one line of text, fit for a CSV or JSON field). */
    static final String FRAME_SEPARATOR = ";";

    public VpdqHash {
        features = List.copyOf(features);
    }

    public int frameCount() {
        return features.size();
    }

    /**
     * Reads the canonical form, frames separated by {@code ;}, or the reference's files, one frame a line.
     *
     * @throws IllegalArgumentException naming the frame that is wrong
     */
    public static VpdqHash parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("vpdq: no frames");
        }
        List<VpdqFeature> features = new ArrayList<>();
        for (String frame : text.split("[;\\n]")) {
            if (!frame.isBlank()) {
                features.add(VpdqFeature.parse(frame));
            }
        }
        return new VpdqHash(features);
    }

    /** The canonical form: each frame as {@code frame,quality,pdq_hex,timestamp}, separated by {@code ;}. */
    public String format() {
        return features.stream().map(VpdqFeature::format).collect(Collectors.joining(FRAME_SEPARATOR));
    }
}
