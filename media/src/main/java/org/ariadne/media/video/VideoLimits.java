package org.ariadne.media.video;

import java.time.Duration;

/**
 * What a video may claim and take before it is refused or stopped.
 *
 * @param maxFramePixels frames larger than this are refused from the metadata alone
 * @param maxDurationSeconds longer videos are refused from the metadata, and decoding stops there in any case
 * @param timeout the longest a decoder program may run on one file before it is killed
 */
public record VideoLimits(long maxFramePixels, double maxDurationSeconds, Duration timeout) {

    /** 8K UHD (7680x4320, 33 megapixels) with room to spare: no camera records larger frames. */
    public static final long DEFAULT_MAX_FRAME_PIXELS = 40_000_000L;

    /** Twelve hours: longer than any recording device's single file, short of an endless stream. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 12 * 3600;

    /**
     * An hour for one file: decoding runs many times faster than real time, so only a decoder that hangs
     * (or a hostile file that makes it crawl) gets there.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    public static final VideoLimits DEFAULT =
            new VideoLimits(DEFAULT_MAX_FRAME_PIXELS, DEFAULT_MAX_DURATION_SECONDS, DEFAULT_TIMEOUT);

    public VideoLimits {
        if (maxFramePixels <= 0 || !(maxDurationSeconds > 0) || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("video limits must be positive: " + maxFramePixels + " pixels, "
                    + maxDurationSeconds + " s, " + timeout);
        }
    }

    /** The same limits with another time limit. */
    public VideoLimits withTimeout(Duration newTimeout) {
        return new VideoLimits(maxFramePixels, maxDurationSeconds, newTimeout);
    }
}
