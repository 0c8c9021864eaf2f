package org.ariadne.media.video;

/**
 * Which frames of a video are decoded for hashing: a fixed number per second of video, or every frame.
 *
 * @param framesPerSecond frames per second of video time, or 0 for every frame the video has
 */
public record FrameSampling(double framesPerSecond) {

    /**
     * One frame a second: what vPDQ's publishers suggest. Scenes rarely change faster, and a clip of a
     * few seconds still gives several frames to match.
     */
    public static final FrameSampling DEFAULT = new FrameSampling(1);

    /** Every frame, as the reference vPDQ hashes were made. */
    public static final FrameSampling EVERY_FRAME = new FrameSampling(0);

    public FrameSampling {
        if (!(framesPerSecond >= 0) || Double.isInfinite(framesPerSecond)) {
            throw new IllegalArgumentException("frames per second must be 0 (every frame) or positive: " + framesPerSecond);
        }
    }

    public boolean everyFrame() {
        return framesPerSecond == 0;
    }
}
